#!/usr/bin/env node
// Records expected/<name>.json for every workload action with node, from tools/cases.json.
//
// For each case it:
//   1. runs the action in a bare node:vm context that has ONLY the globals TeeMate's QuickJS
//      runtime provides (tools/sandbox.mjs, strict), with Math.random, Date.now and new Date()
//      throwing: recording fails if a bundle reaches for anything else or for the clock;
//   2. runs it again in a second fresh strict context and in node's own realm with node's plain
//      crypto (loose): all three results must be identical;
//   3. applies the workload's cross-check, where one exists (node's crypto for md5/aes, the C
//      workload's recorded page for dynamic-html, SunSpider's published checksums, ...).
// Then it writes {"action", "sha256", "cases": [{name, params, result, ...}]}.
//
//   node tools/make_expected.mjs                 # record all
//   node tools/make_expected.mjs --check         # compare with expected/, write nothing
//   node tools/make_expected.mjs --timings [N]   # also print node times (first call, median of N)
//   node tools/make_expected.mjs auth sleep      # some workloads
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import crypto from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeContext, loadAction, loadActionInMainRealm, invoke } from './sandbox.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const check = args.includes('--check');
const ti = args.indexOf('--timings');
const timings = ti >= 0 ? (Number(args[ti + 1]) > 0 ? Number(args[ti + 1]) : 20) : 0;
const only = args.filter((a, i) => !a.startsWith('--') && !(ti >= 0 && i === ti + 1));
const allCases = JSON.parse(readFileSync(path.join(root, 'tools/cases.json'), 'utf8'));
const names = only.length ? only : Object.keys(allCases);

const sha256 = (b) => crypto.createHash('sha256').update(b).digest('hex');
function assert(ok, msg) { if (!ok) throw new Error(msg); }

// The text the SunSpider-style kernels fill their message with (crypto-md5, crypto-aes).
const ROMEO = 'ROMEO: But, soft! what light through yonder window breaks? It is the east, and Juliet is the sun.\n';

const crossChecks = {
  'auth'(c, r) {
    assert(r.valid === (c.name !== 'tampered claims keep the old signature'), 'auth: unexpected verdict ' + JSON.stringify(r));
  },
  'face-detection'(c, r) {
    assert(r.faces.length === (c.name === 'two faces' ? 2 : 1), 'face-detection: found ' + r.faces.length + ' faces');
  },
  'dynamic-html'(c, r) {
    if (c.name !== "as the C workload's default") return;
    const cExpected = JSON.parse(readFileSync(path.join(root, '../expected/dynamic_html.json'), 'utf8'));
    const page = cExpected.cases.find((x) => x.name === 'default').stdout;
    assert(r.html === page, "dynamic-html: page differs from the C workload's recorded default page");
  },
  'uploader'(c, r, run) {
    const [p, content] = [...run.files.entries()][0];
    assert(r.bytes === content.length && r.sha256 === sha256(content), 'uploader: stored size/hash differ from the served file ' + p);
    const stored = run.kv.get(r.key);
    assert(stored && stored.equals(content), 'uploader: the kv store does not hold the served bytes under ' + r.key);
  },
  'access-binary-trees'(c, r) {
    if (c.name === 'default') assert(r.ret === -4, "access-binary-trees: SunSpider's expected ret is -4, got " + r.ret);
  },
  'crypto-md5'(c, r) {
    const text = c.params.text || ROMEO;
    const bytes = c.params.bytes !== undefined ? c.params.bytes : 4096;
    let msg = text; while (msg.length < bytes) msg += msg; msg = msg.slice(0, bytes);
    assert(r.md5 === crypto.createHash('md5').update(Buffer.from(msg, 'latin1')).digest('hex'), 'crypto-md5: differs from node\'s md5');
  },
  'crypto-aes'(c, r) {
    const unit = Buffer.from(c.params.text || ROMEO, 'utf8');
    const bytes = c.params.bytes !== undefined ? c.params.bytes : 1024;
    const plain = Buffer.alloc(bytes); for (let i = 0; i < bytes; i++) plain[i] = unit[i % unit.length];
    const key = Buffer.from(r.key_hex, 'hex');
    const pw = c.params.password !== undefined ? c.params.password : 'O Romeo, Romeo! wherefore art thou Romeo?';
    const pwBytes = Buffer.alloc(32); for (let i = 0; i < 32 && i < pw.length; i++) pwBytes[i] = pw.charCodeAt(i) & 0xff;
    const e = crypto.createCipheriv('aes-256-ecb', pwBytes, null); e.setAutoPadding(false);
    const k16 = e.update(pwBytes.subarray(0, 16));
    assert(key.equals(Buffer.concat([k16, k16])), 'crypto-aes: key derivation differs from node\'s AES-256');
    const ct = crypto.createCipheriv('aes-256-ctr', key, Buffer.from(r.iv_hex, 'hex')).update(plain);
    assert(r.ciphertext_sha256 === sha256(ct) && r.ciphertext_head === ct.subarray(0, 16).toString('hex'), 'crypto-aes: ciphertext differs from node\'s aes-256-ctr');
    assert(r.roundtrip === true, 'crypto-aes: no roundtrip');
  },
  'math-partial-sums'(c, r) {
    if (c.name === "SunSpider's run") assert(r.total === (60.08994194659945).toFixed(9), "math-partial-sums: SunSpider's total is 60.08994194659945, got " + r.total);
  },
  'regexp-dna'(c, r) {
    const n = c.params.n !== undefined ? c.params.n : 1000;
    assert(r.code_length === 10 * n, 'regexp-dna: ' + r.code_length + ' bases, expected ' + 10 * n);
  },
  'string-validate-input'(c, r) {
    const count = c.params.count !== undefined ? c.params.count : 1000;
    assert(r.emails_valid + r.emails_invalid === count && r.zips_valid + r.zips_with_letters + r.zips_too_long === count, 'string-validate-input: counts do not add up');
  },
  'sleep'(c, r) {
    assert(r.requested_ms === (c.params.sleep !== undefined ? c.params.sleep : 10), 'sleep: requested_ms');
  },
};

function caseFiles(c) {
  const files = new Map();
  for (const [p, f] of Object.entries(c.serve_files || {})) files.set(p, readFileSync(path.join(root, f)));
  for (const [p, t] of Object.entries(c.serve_text || {})) files.set(p, Buffer.from(t, 'utf8'));
  return files;
}

function resolvedParams(c) {
  const params = JSON.parse(JSON.stringify(c.params || {}));
  for (const [k, f] of Object.entries(c.params_from_files || {})) params[k] = readFileSync(path.join(root, f)).toString('base64');
  return params;
}

async function runStrict(code, file, params, files) {
  const kv = new Map();
  const logs = [];
  const ctx = makeContext({ strict: true, forbidClock: true, files, kv, log: (level, a) => logs.push(level + ': ' + a.join(' ')) });
  const main = loadAction(code, ctx, file);
  return { result: await invoke(main, params), kv, files, logs };
}

let failures = 0;
const timingRows = [];
for (const name of names) {
  const rel = 'actions/' + name + '.js';
  const file = path.join(root, rel);
  try {
    assert(allCases[name], 'no cases for ' + name + ' in tools/cases.json');
    const code = readFileSync(file, 'utf8');
    const out = { action: rel, sha256: sha256(readFileSync(file)), cases: [] };
    for (const c of allCases[name]) {
      const params = resolvedParams(c);
      const a = await runStrict(code, rel, params, caseFiles(c));
      const b = await runStrict(code, rel, params, caseFiles(c));
      assert(isDeepStrictEqual(a.result, b.result), name + '/' + c.name + ': two strict runs differ');
      const looseKv = new Map();
      const mainLoose = loadActionInMainRealm(code, { strict: false, files: caseFiles(c), kv: looseKv }, rel);
      const t0 = performance.now();
      const loose = await invoke(mainLoose, params);
      const first = performance.now() - t0;
      assert(isDeepStrictEqual(a.result, loose), name + '/' + c.name + ": the strict sandbox and node's own realm give different results");
      if (crossChecks[name]) crossChecks[name](c, a.result, a);
      const rec = { name: c.name, params, result: a.result };
      if (a.files.size) rec.serve = [...a.files.entries()].map(([p, buf]) => ({ path: p, content_base64: buf.toString('base64') }));
      if (a.kv.size) rec.kv = Object.fromEntries([...a.kv.entries()].map(([k, v]) => [k, { bytes: v.length, sha256: sha256(v) }]));
      out.cases.push(rec);
      if (timings) {
        const ts = [];
        for (let i = 0; i < timings; i++) { const t = performance.now(); await invoke(mainLoose, params); ts.push(performance.now() - t); }
        ts.sort((x, y) => x - y);
        timingRows.push([name, c.name, first, ts[ts.length >> 1], ts[0]]);
      }
    }
    const target = path.join(root, 'expected', name + '.json');
    const text = JSON.stringify(out, null, 2) + '\n';
    if (check) {
      const old = existsSync(target) ? readFileSync(target, 'utf8') : '';
      assert(old === text, 'expected/' + name + '.json is out of date (re-record with node tools/make_expected.mjs)');
      console.log('ok   ' + name + ' (' + out.cases.length + ' cases)');
    } else {
      writeFileSync(target, text);
      console.log('wrote expected/' + name + '.json (' + out.cases.length + ' cases, action sha256 ' + out.sha256.slice(0, 12) + '...)');
    }
  } catch (e) {
    failures++;
    console.error('FAIL ' + name + ': ' + (e && e.stack ? e.stack : e));
  }
}
if (timings) {
  console.log('\n| workload | case | first call ms | median ms (' + timings + ' calls) | min ms |');
  console.log('|---|---|---|---|---|');
  for (const [n, c, f, m, mi] of timingRows) console.log(`| ${n} | ${c} | ${f.toFixed(2)} | ${m.toFixed(2)} | ${mi.toFixed(2)} |`);
}
console.log(`${names.length - failures} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
