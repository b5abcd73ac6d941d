// TeeMate JS workload 'math-partial-sums': built by faas/workloads/js/build.sh from src/math-partial-sums.js (esbuild 0.28.2).
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

  // src/math-partial-sums.js
  var require_math_partial_sums = __commonJS({
    "src/math-partial-sums.js"(exports, module) {
      /*!
       * math-partial-sums: the kernel of SunSpider 1.0's math-partial-sums.js, the Computer Language
       * Shootout's partial-sums benchmark (contributed there by Isaac Gouy): nine series summed in
       * doubles with Math.pow, Math.sin and Math.cos. SunSpider runs n = 1024, 2048, ..., 16384 and
       * adds up four of the sums (harmonic, Riemann zeta, alternating harmonic, Gregory) per n.
       *
       * Written for TeeMate from the benchmark's published algorithm; SunSpider's file carries the
       * Shootout's revised BSD license (see Notices in this directory's README.md).
       *
       * Math.sin/cos/pow may differ in the last bit between engines (V8's ieee754 port vs. the
       * libm QuickJS is linked with), so every number is reported as a string with 9 decimals
       * (like the Shootout's "%.9f" output), which no such difference reaches.
       *
       * params: from (default 1024), to (default 4096): n doubles from `from` while n <= to;
       *         SunSpider's run is from 1024 to 16384 (total 60.08994194659945), ~4x the default's work
       * result: {total, series: {n, "(2/3)^k", "k^-0.5", ...}} (series are the last n's nine sums)
       */
      var NAMES = [
        "(2/3)^k",
        "k^-0.5",
        "1/k(k+1)",
        "Flint Hills",
        "Cookson Hills",
        "Harmonic",
        "Riemann Zeta",
        "Alternating Harmonic",
        "Gregory"
      ];
      function partial(n) {
        let a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0, a8 = 0, a9 = 0;
        const twothirds = 2 / 3;
        let alt = -1;
        for (let k = 1; k <= n; k++) {
          const k2 = k * k;
          const k3 = k2 * k;
          const sk = Math.sin(k);
          const ck = Math.cos(k);
          alt = -alt;
          a1 += Math.pow(twothirds, k - 1);
          a2 += Math.pow(k, -0.5);
          a3 += 1 / (k * (k + 1));
          a4 += 1 / (k3 * sk * sk);
          a5 += 1 / (k3 * ck * ck);
          a6 += 1 / k;
          a7 += 1 / k2;
          a8 += alt / k;
          a9 += alt / (2 * k - 1);
        }
        return [a1, a2, a3, a4, a5, a6, a7, a8, a9];
      }
      function int(v, d, lo, hi) {
        const n = Math.floor(Number(v));
        return v === void 0 || !Number.isFinite(n) ? d : Math.min(hi, Math.max(lo, n));
      }
      function main(params) {
        params = params || {};
        const from = int(params.from, 1024, 1, 1 << 26);
        const to = int(params.to, 4096, from, 1 << 26);
        let total = 0;
        let last = null, lastN = 0;
        for (let n = from; n <= to; n *= 2) {
          last = partial(n);
          lastN = n;
          total += last[5] + last[6] + last[7] + last[8];
        }
        const series = { n: lastN };
        NAMES.forEach((name, i) => {
          series[name] = last[i].toFixed(9);
        });
        return { total: total.toFixed(9), series };
      }
      module.exports = { main };
    }
  });
  return require_math_partial_sums();
})();
function main(params) { return __action.main(params); }
