#!/usr/bin/env node
// Runs every case of expected/*.json in a real QuickJS (a native `qjs` of the same release the
// enclave runtime uses, 2025-04-26) and compares the results with the ones node recorded.
// This is an extra check, not needed to record: node cannot show QuickJS-only differences
// (missing builtins, regexp or number formatting differences, libm last bits).
//
//   QJS=/path/to/qjs node tools/check_quickjs.mjs [name ...]
//
// Build a qjs from the QuickJS 2025-04-26 source tarball (`make qjs`, ~30 s). The runtime's
// globals are provided by a prelude: Buffer is the npm `buffer` package (the runtime's Buffer
// API, a devDependency here), timers are qjs' os.setTimeout, TextEncoder/TextDecoder are small
// UTF-8 versions, and require('crypto') hashes, HMACs and AES by calling the `openssl` command
// line tool through files (slow, but the same answers). fetch answers from the case's `serve`
// list, teemate.kv is an in-memory map.
import { readFileSync, writeFileSync, mkdtempSync, rmSync, readdirSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const qjs = process.env.QJS || 'qjs';
if (spawnSync(qjs, ['-e', '1']).status !== 0) {
  console.log('check_quickjs: no runnable qjs (set QJS=/path/to/qjs); skipped');
  process.exit(0);
}
const esbuild = (await import(path.join(root, 'node_modules/esbuild/lib/main.js'))).default;

const PRELUDE_SRC = String.raw`
import { Buffer } from 'buffer';
const tmp = (globalThis.__TEEMATE_TMP);
let seq = 0;
function sh(cmd) {
  const f = std.popen(cmd, 'r');
  const out = f.readAsString();
  const rc = f.close();
  if (rc !== 0) throw new Error('command failed (' + rc + '): ' + cmd);
  return out;
}
function writeTmp(bytes) {
  const p = tmp + '/in' + (seq++);
  const f = std.open(p, 'wb');
  f.write(bytes.buffer, bytes.byteOffset, bytes.length);
  f.close();
  return p;
}
function readTmp(p) {
  const f = std.open(p, 'rb');
  const chunks = [];
  const buf = new Uint8Array(65536);
  for (;;) { const n = f.read(buf.buffer, 0, buf.length); if (n <= 0) break; chunks.push(Buffer.from(buf.slice(0, n))); }
  f.close();
  return Buffer.concat(chunks);
}
const toBuf = (d, enc) => (typeof d === 'string' ? Buffer.from(d, enc || 'utf8') : Buffer.from(d));
const encode = (b, enc) => (enc === undefined ? b : b.toString(enc));
const HASHES = ['md5', 'sha1', 'sha256', 'sha512'];
function digester(alg, key) {
  if (!HASHES.includes(alg)) throw new Error('not available: ' + alg);
  const parts = [];
  const h = {
    update(d) { parts.push(toBuf(d)); return h; },
    digest(enc) {
      const p = writeTmp(Buffer.concat(parts));
      const mac = key === undefined ? '' : ' -mac HMAC -macopt hexkey:' + toBuf(key).toString('hex');
      const hex = sh('openssl dgst -' + alg + mac + ' -r ' + p).trim().split(/\s+/)[0];
      return encode(Buffer.from(hex, 'hex'), enc);
    },
  };
  return h;
}
function cipher(decrypt, alg, key, iv) {
  const parts = [];
  let done = null;
  const run = () => {
    if (done) return done;
    const p = writeTmp(Buffer.concat(parts));
    sh('openssl enc -' + alg + (decrypt ? ' -d' : '') + ' -K ' + toBuf(key).toString('hex') + ' -iv ' + toBuf(iv).toString('hex') + ' -in ' + p + ' -out ' + p + '.out');
    return (done = readTmp(p + '.out'));
  };
  return {
    update(d, inEnc, outEnc) { parts.push(toBuf(d, inEnc)); return encode(Buffer.alloc(0), outEnc); },
    final(outEnc) { return encode(run(), outEnc); },
  };
}
const crypto = {
  createHash: (alg) => digester(alg),
  createHmac: (alg, key) => digester(alg, key),
  randomBytes: (n) => { const b = Buffer.alloc(n); for (let i = 0; i < n; i++) b[i] = (Math.random() * 256) | 0; return b; },
  createCipheriv: (alg, key, iv) => cipher(false, alg, key, iv),
  createDecipheriv: (alg, key, iv) => cipher(true, alg, key, iv),
};
const print = (stream) => (...a) => { stream.puts(a.map(String).join(' ') + '\n'); };
globalThis.console = { log: print(std.err), info: print(std.err), warn: print(std.err), error: print(std.err) };
globalThis.Buffer = Buffer;
globalThis.setTimeout = (fn, ms, ...a) => os.setTimeout(() => fn(...a), ms || 0);
globalThis.clearTimeout = (h) => os.clearTimeout(h);
globalThis.setImmediate = (fn, ...a) => os.setTimeout(() => fn(...a), 0);
globalThis.setInterval = (fn, ms, ...a) => { const h = { t: null }; const tick = () => { h.t = os.setTimeout(tick, ms || 0); fn(...a); }; h.t = os.setTimeout(tick, ms || 0); return h; };
globalThis.clearInterval = (h) => { if (h && h.t) os.clearTimeout(h.t); };
globalThis.TextEncoder = class { encode(s) { return new Uint8Array(Buffer.from(String(s), 'utf8')); } };
globalThis.TextDecoder = class { decode(b) { return b === undefined ? '' : Buffer.from(b.buffer ? new Uint8Array(b.buffer, b.byteOffset, b.byteLength) : b).toString('utf8'); } };
globalThis.process = { env: {} };
globalThis.require = (n) => {
  if (n === 'crypto') return crypto;
  if (n === 'buffer') return { Buffer };
  throw new Error("require('" + n + "') is not available");
};
const serve = globalThis.__TEEMATE_SERVE || {};
globalThis.fetch = async (url) => {
  const m = String(url).match(/^[a-z]+:\/\/[^/]*(\/[^?#]*)/);
  const p = m ? m[1] : String(url);
  const body = Object.prototype.hasOwnProperty.call(serve, p) ? Buffer.from(serve[p], 'base64') : null;
  const bytes = body || Buffer.from('not found\n');
  return { ok: body !== null, status: body ? 200 : 404,
    arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length),
    text: async () => bytes.toString('utf8') };
};
const store = new Map();
globalThis.__TEEMATE_STORE = store;
globalThis.teemate = { kv: { set: async (k, v) => { store.set(String(k), Buffer.from(v)); }, get: async (k) => (store.has(String(k)) ? Buffer.from(store.get(String(k))) : null) } };
`;

const prelude = (await esbuild.build({
  stdin: { contents: PRELUDE_SRC, resolveDir: root, loader: 'js' },
  bundle: true, format: 'iife', platform: 'neutral', mainFields: ['main', 'module'], target: 'es2020',
  write: false, define: { global: 'globalThis' },
})).outputFiles[0].text;

const names = process.argv.slice(2).length ? process.argv.slice(2)
  : readdirSync(path.join(root, 'expected')).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
const work = mkdtempSync(path.join(os.tmpdir(), 'teemate-qjs-'));
let passed = 0, failed = 0;
try {
  for (const name of names) {
    const exp = JSON.parse(readFileSync(path.join(root, 'expected', name + '.json'), 'utf8'));
    const action = readFileSync(path.join(root, exp.action), 'utf8');
    for (const c of exp.cases) {
      const serve = Object.fromEntries((c.serve || []).map((s) => [s.path, s.content_base64]));
      const script = 'globalThis.__TEEMATE_TMP = ' + JSON.stringify(work) + ';\n' +
        'globalThis.__TEEMATE_SERVE = ' + JSON.stringify(serve) + ';\n' + prelude + '\n' + action + '\n;' +
        'Promise.resolve().then(() => main(' + JSON.stringify(c.params) + ')).then((r) => {\n' +
        '  const kv = {}; for (const [k, v] of globalThis.__TEEMATE_STORE) kv[k] = v.length;\n' +
        '  std.out.puts(JSON.stringify({ result: r, kv }));\n' +
        '}, (e) => { std.err.puts(String(e && e.stack ? e + "\\n" + e.stack : e) + "\\n"); std.exit(1); });\n';
      const file = path.join(work, name + '.js');
      writeFileSync(file, script);
      const t0 = performance.now();
      const r = spawnSync(qjs, ['--std', file], { encoding: 'utf8', maxBuffer: 1 << 26 });
      const ms = performance.now() - t0;
      let ok = false, why = '';
      if (r.status !== 0) why = 'exit ' + r.status + ': ' + (r.stderr || '').trim().split('\n').slice(0, 6).join(' | ');
      else {
        const got = JSON.parse(r.stdout);
        ok = isDeepStrictEqual(got.result, c.result);
        if (!ok) why = 'result differs:\n    qjs:  ' + JSON.stringify(got.result).slice(0, 400) + '\n    node: ' + JSON.stringify(c.result).slice(0, 400);
        if (ok && c.kv) {
          for (const [k, v] of Object.entries(c.kv)) if (got.kv[k] !== v.bytes) { ok = false; why = 'kv ' + k + ' holds ' + got.kv[k] + ' bytes'; }
        }
      }
      if (ok) passed++; else failed++;
      console.log(`${ok ? 'ok  ' : 'FAIL'} ${name} / ${c.name} (qjs process ${ms.toFixed(0)} ms)${ok ? '' : '\n    ' + why}`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
