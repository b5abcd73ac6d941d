// TeeMate JS workload 'regexp-dna': built by faas/workloads/js/build.sh from src/regexp-dna.js (esbuild 0.28.2).
// OpenWhisk plain-code action: the runtime evaluates this file and calls the global main(params).
"use strict";
var __action = (() => {
  var __getOwnPropNames = Object.getOwnPropertyNames;
  var __commonJS = (cb, mod) => function __require() {
    try {
      return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
    } catch (e) {
      throw mod = 0, e;
    }
  };

  // src/regexp-dna.js
  var require_regexp_dna = __commonJS({
    "src/regexp-dna.js"(exports, module) {
      var ALU = "GGCCGGGCGCGGTGGCTCACGCCTGTAATCCCAGCACTTTGGGAGGCCGAGGCGGGCGGATCACCTGAGGTCAGGAGTTCGAGACCAGCCTGGCCAACATGGTGAAACCCCGTCTCTACTAAAAATACAAAAATTAGCCGGGCGTGGTGGCGCGCGCCTGTAATCCCAGCTACTCGGGAGGCTGAGGCAGGAGAATCGCTTGAACCCGGGAGGCGGAGGTTGCAGTGAGCCGAGATCGCGCCACTGCACTCCAGCCTGGGCGACAGAGCGAGACTCCGTCTCAAAAA";
      var IUB = [
        ["a", 0.27],
        ["c", 0.12],
        ["g", 0.12],
        ["t", 0.27],
        ["B", 0.02],
        ["D", 0.02],
        ["H", 0.02],
        ["K", 0.02],
        ["M", 0.02],
        ["N", 0.02],
        ["R", 0.02],
        ["S", 0.02],
        ["V", 0.02],
        ["W", 0.02],
        ["Y", 0.02]
      ];
      var HOMO_SAPIENS = [["a", 0.302954942668], ["c", 0.1979883004921], ["g", 0.1975473066391], ["t", 0.3015094502008]];
      var WIDTH = 60;
      function fasta(n) {
        let last = 42;
        const random = (max) => {
          last = (last * 3877 + 29573) % 139968;
          return max * last / 139968;
        };
        const lines = [];
        const repeat = (header, seq, count) => {
          lines.push(header);
          const s = seq + seq;
          let pos = 0;
          while (count > 0) {
            const len = Math.min(WIDTH, count);
            lines.push(s.substr(pos, len));
            pos = (pos + len) % seq.length;
            count -= len;
          }
        };
        const randomSeq = (header, table, count) => {
          lines.push(header);
          const cumulative = [];
          let p = 0;
          for (const [, prob] of table) {
            p += prob;
            cumulative.push(p);
          }
          while (count > 0) {
            const len = Math.min(WIDTH, count);
            let line = "";
            for (let i = 0; i < len; i++) {
              const r = random(1);
              let k = 0;
              while (k < cumulative.length - 1 && r >= cumulative[k]) k++;
              line += table[k][0];
            }
            lines.push(line);
            count -= len;
          }
        };
        repeat(">ONE Homo sapiens alu", ALU, 2 * n);
        randomSeq(">TWO IUB ambiguity codes", IUB, 3 * n);
        randomSeq(">THREE Homo sapiens frequency", HOMO_SAPIENS, 5 * n);
        return lines.join("\n") + "\n";
      }
      var SEQS = [
        /agggtaaa|tttaccct/ig,
        /[cgt]gggtaaa|tttaccc[acg]/ig,
        /a[act]ggtaaa|tttacc[agt]t/ig,
        /ag[act]gtaaa|tttac[agt]ct/ig,
        /agg[act]taaa|ttta[agt]cct/ig,
        /aggg[acg]aaa|ttt[cgt]ccct/ig,
        /agggt[cgt]aa|tt[acg]accct/ig,
        /agggta[cgt]a|t[acg]taccct/ig,
        /agggtaa[cgt]|[acg]ttaccct/ig
      ];
      var SUBS = [
        ["B", "(c|g|t)"],
        ["D", "(a|g|t)"],
        ["H", "(a|c|t)"],
        ["K", "(g|t)"],
        ["M", "(a|c)"],
        ["N", "(a|c|g|t)"],
        ["R", "(a|g)"],
        ["S", "(c|g)"],
        ["V", "(a|c|g)"],
        ["W", "(a|t)"],
        ["Y", "(c|t)"]
      ];
      function main(params) {
        params = params || {};
        const nn = Math.floor(Number(params.n));
        const n = params.n === void 0 || !Number.isFinite(nn) ? 1e3 : Math.max(1, Math.min(nn, 1 << 22));
        let dnaInput = fasta(n);
        const ilen = dnaInput.length;
        dnaInput = dnaInput.replace(/>.*\n|\n/g, "");
        const clen = dnaInput.length;
        const counts = SEQS.map((re) => re.source + " " + (dnaInput.match(re) || []).length);
        for (const [code, alt] of SUBS) dnaInput = dnaInput.replace(new RegExp(code, "g"), alt);
        return { counts, input_length: ilen, code_length: clen, substituted_length: dnaInput.length };
      }
      module.exports = { main };
    }
  });
  return require_regexp_dna();
})();
function main(params) { return __action.main(params); }
