// Runs every case of tools/cases.json against wasm/<function>.wasm with Node's built-in WASI
// (node:wasi, preview 1) and writes expected/<function>.json: the case's inputs, its exit code,
// its exact stdout and stderr (or, where a case gives stdout_regex because the output varies
// from run to run, checks the output against that pattern and keeps the pattern), and
// memory_pages, the size in 64 KiB pages its linear memory had grown to by the end (memory
// never shrinks, so this is the peak: what a platform must allow the function).
//
//   node faas/workloads/tools/make_expected.mjs            # regenerate expected/
//   node faas/workloads/tools/make_expected.mjs --check    # compare with expected/, change nothing
//
// Needs Node 20 or newer. The Java test WorkloadExpectedOutputsTest runs the same cases on Chicory.
import { WASI } from 'node:wasi';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

process.removeAllListeners('warning'); // node:wasi prints an "experimental" warning on every use

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const cases = JSON.parse(fs.readFileSync(path.join(root, 'tools', 'cases.json'), 'utf8'));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'teemate-workloads-'));

async function run(wasmBytes, name, c) {
  const inPath = path.join(tmp, 'stdin'), outPath = path.join(tmp, 'stdout'), errPath = path.join(tmp, 'stderr');
  fs.writeFileSync(inPath, c.stdin, 'utf8');
  const fds = [fs.openSync(inPath, 'r'), fs.openSync(outPath, 'w'), fs.openSync(errPath, 'w')];
  try {
    const wasi = new WASI({
      version: 'preview1', args: [name, ...c.args], env: c.env,
      stdin: fds[0], stdout: fds[1], stderr: fds[2], returnOnExit: true,
    });
    const module = await WebAssembly.compile(wasmBytes);
    const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
    const exitCode = wasi.start(instance);
    const memoryPages = instance.exports.memory.buffer.byteLength / 65536;
    return { exitCode, memoryPages, stdout: fs.readFileSync(outPath, 'utf8'), stderr: fs.readFileSync(errPath, 'utf8') };
  } finally {
    fds.forEach(fd => fs.closeSync(fd));
  }
}

let failures = 0;
for (const [name, list] of Object.entries(cases)) {
  const wasmFile = path.join(root, 'wasm', name + '.wasm');
  const bytes = fs.readFileSync(wasmFile);
  const doc = {
    function: name,
    wasm: 'wasm/' + name + '.wasm',
    sha256: createHash('sha256').update(bytes).digest('hex'),
    cases: [],
  };
  for (const c of list) {
    const r = await run(bytes, name, c);
    const out = { name: c.name, args: c.args, env: c.env, stdin: c.stdin, exit_code: r.exitCode };
    if (c.stdout_regex !== undefined) {
      if (!new RegExp('^(?:' + c.stdout_regex + ')$').test(r.stdout)) {
        console.error(`${name} / ${c.name}: stdout ${JSON.stringify(r.stdout)} does not match ${c.stdout_regex}`);
        failures++;
      }
      out.stdout_regex = c.stdout_regex;
    } else {
      out.stdout = r.stdout;
    }
    out.stderr = r.stderr;
    out.memory_pages = r.memoryPages;
    doc.cases.push(out);
  }
  const file = path.join(root, 'expected', name + '.json');
  const text = JSON.stringify(doc, null, 2) + '\n';
  if (check) {
    const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (old !== text) {
      console.error(`${path.relative(root, file)} differs from what ${doc.wasm} produces now`);
      failures++;
    }
  } else {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  console.log(`${name}: ${doc.cases.length} cases, exit codes ${doc.cases.map(c => c.exit_code).join(' ')}`);
}
fs.rmSync(tmp, { recursive: true, force: true });
if (failures > 0) {
  console.error(`${failures} problem(s)`);
  process.exit(1);
}
