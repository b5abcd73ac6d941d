// Prints the license comment build.sh puts at the top of a bundle: for every npm package esbuild
// bundled (from its --metafile), name@version, its license field, its LICENSE file, and the
// leading copyright comment of any bundled file that has its own (jpeg-js' decoder is Apache-2.0
// code from pdf.js, its encoder BSD code from Adobe). esbuild drops ordinary comments, so without
// this the notices the BSD/MIT/Apache licenses ask to keep would be lost.
//   node tools/license_header.mjs META.json
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';

const meta = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const pkgs = new Map(); // dir -> [files]
for (const input of Object.keys(meta.inputs)) {
  const m = input.match(/^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\/(.*)$/);
  if (!m) continue;
  if (!pkgs.has(m[1])) pkgs.set(m[1], []);
  pkgs.get(m[1]).push(input);
}
const clean = (s) => s.replace(/\*\//g, '*\\/').replace(/\r/g, '').trimEnd();
const out = [];
for (const [dir, files] of [...pkgs.entries()].sort()) {
  const pj = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  out.push(`${pj.name}@${pj.version} (license: ${pj.license || 'see below'}${pj.author ? '; author: ' + (pj.author.name || pj.author) : ''})`);
  for (const f of ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'LICENCE']) {
    if (existsSync(path.join(dir, f))) { out.push(clean(readFileSync(path.join(dir, f), 'utf8')).split('\n').map((l) => '  ' + l).join('\n')); break; }
  }
  for (const file of files.sort()) {
    const text = readFileSync(file, 'utf8');
    const head = text.match(/^(?:\s*\/\*[^]*?\*\/)+/);
    if (head && /copyright|licen[sc]e/i.test(head[0]) && !/@license/.test(head[0])) {
      out.push(`  ${path.relative(dir, file)}:`);
      out.push(clean(head[0]).split('\n').map((l) => '  ' + l).join('\n'));
    }
  }
}
if (out.length) {
  process.stdout.write('/*\n * Bundled npm packages and their license notices:\n *\n' +
    out.join('\n').split('\n').map((l) => (' * ' + l).trimEnd()).join('\n') + '\n */\n');
}
