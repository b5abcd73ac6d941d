#!/usr/bin/env node
// Runs a workload action the way OpenWhisk's Node.js runtime runs a plain-code action: evaluates
// the file, finds its global main, calls main(params), awaits the result and prints it as JSON.
// The action sees exactly the globals TeeMate's QuickJS runtime provides (tools/sandbox.mjs),
// backed by node's own Buffer and crypto; fetch answers from a local file map, or from a real
// local HTTP server this script starts (--http), and teemate.kv is an in-memory map.
//
//   node tools/run_node.mjs actions/auth.js
//   node tools/run_node.mjs actions/regexp-dna.js '{"n": 5000}'
//   node tools/run_node.mjs actions/uploader.js '{"url": "http://files.test/data/a.bin"}' --serve /data/a.bin=assets/faces-two.jpg
//   node tools/run_node.mjs actions/uploader.js '{"url": "/data/a.bin"}' --serve /data/a.bin=README.md --http
//
// options:
//   --serve PATH=FILE  fetch answers URL path PATH (any host) with FILE's bytes; repeatable
//   --http             serve the --serve files from a real HTTP server on 127.0.0.1 (random port);
//                      a params.url that is a bare path is completed with its address, and fetch
//                      is node's own fetch
//   --loose            node's plain crypto module instead of the runtime's whitelisted surface
//   --main-realm       evaluate in node's own realm (faster global lookups, for timing; implies
//                      the runtime's require/fetch/teemate/process but node's other globals)
//   --time N           call main N more times and print first/median/min milliseconds on stderr
//   --kv               print the kv store's contents (key, bytes, sha256) on stderr at the end
import { readFileSync } from 'node:fs';
import http from 'node:http';
import crypto from 'node:crypto';
import path from 'node:path';
import { makeContext, loadAction, loadActionInMainRealm, invoke } from './sandbox.mjs';

function usage(msg) {
  if (msg) process.stderr.write(msg + '\n');
  process.stderr.write('usage: node tools/run_node.mjs ACTION.js [PARAMS_JSON] [--serve PATH=FILE]... [--http] [--loose] [--main-realm] [--time N] [--kv]\n');
  process.exit(2);
}

const args = process.argv.slice(2);
let actionFile = null, params = {}, http_ = false, loose = false, mainRealm = false, time = 0, showKv = false;
const files = new Map();
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--serve') {
    const spec = args[++i] || usage('--serve needs PATH=FILE');
    const eq = spec.indexOf('=');
    if (eq <= 0) usage('--serve needs PATH=FILE');
    files.set(spec.slice(0, eq), readFileSync(spec.slice(eq + 1)));
  } else if (a === '--http') http_ = true;
  else if (a === '--loose') loose = true;
  else if (a === '--main-realm') mainRealm = true;
  else if (a === '--kv') showKv = true;
  else if (a === '--time') time = Number(args[++i]);
  else if (a.startsWith('--')) usage('unknown option ' + a);
  else if (actionFile === null) actionFile = a;
  else params = JSON.parse(a);
}
if (actionFile === null) usage();

let server = null;
const options = { strict: !loose, files, kv: new Map() };
if (http_) {
  server = http.createServer((req, res) => {
    const p = new URL(req.url, 'http://x').pathname;
    if (files.has(p)) { res.writeHead(200, { 'content-type': 'application/octet-stream' }); res.end(files.get(p)); }
    else { res.writeHead(404); res.end('not found\n'); }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = 'http://127.0.0.1:' + server.address().port;
  if (typeof params.url === 'string' && params.url.startsWith('/')) params.url = base + params.url;
  options.fetch = async (url) => {
    const res = await fetch(url);
    const bytes = Buffer.from(await res.arrayBuffer());
    return { ok: res.ok, status: res.status, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length), text: async () => bytes.toString('utf8') };
  };
}

try {
  const code = readFileSync(actionFile, 'utf8');
  const name = path.basename(actionFile);
  let main;
  if (mainRealm) {
    main = loadActionInMainRealm(code, options, name);
  } else {
    const ctx = makeContext(options);
    main = loadAction(code, ctx, name);
  }
  const t0 = performance.now();
  const result = await invoke(main, params);
  const first = performance.now() - t0;
  process.stdout.write(JSON.stringify(result) + '\n');
  if (time > 0) {
    const ts = [];
    for (let i = 0; i < time; i++) { const t = performance.now(); await invoke(main, params); ts.push(performance.now() - t); }
    ts.sort((a, b) => a - b);
    process.stderr.write(`time: first ${first.toFixed(2)} ms, then ${time} calls: median ${ts[ts.length >> 1].toFixed(2)} ms, min ${ts[0].toFixed(2)} ms\n`);
  }
  if (showKv) {
    for (const [k, v] of options.kv) process.stderr.write(`kv ${k}: ${v.length} bytes, sha256 ${crypto.createHash('sha256').update(v).digest('hex')}\n`);
  }
} finally {
  if (server) server.close();
}
