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
'use strict';

const NAMES = ['(2/3)^k', 'k^-0.5', '1/k(k+1)', 'Flint Hills', 'Cookson Hills', 'Harmonic',
  'Riemann Zeta', 'Alternating Harmonic', 'Gregory'];

function partial(n) {
  let a1 = 0.0, a2 = 0.0, a3 = 0.0, a4 = 0.0, a5 = 0.0, a6 = 0.0, a7 = 0.0, a8 = 0.0, a9 = 0.0;
  const twothirds = 2.0 / 3.0;
  let alt = -1.0;
  for (let k = 1; k <= n; k++) {
    const k2 = k * k;
    const k3 = k2 * k;
    const sk = Math.sin(k);
    const ck = Math.cos(k);
    alt = -alt;
    a1 += Math.pow(twothirds, k - 1);
    a2 += Math.pow(k, -0.5);
    a3 += 1.0 / (k * (k + 1.0));
    a4 += 1.0 / (k3 * sk * sk);
    a5 += 1.0 / (k3 * ck * ck);
    a6 += 1.0 / k;
    a7 += 1.0 / k2;
    a8 += alt / k;
    a9 += alt / (2 * k - 1);
  }
  return [a1, a2, a3, a4, a5, a6, a7, a8, a9];
}

function int(v, d, lo, hi) {
  const n = Math.floor(Number(v));
  return v === undefined || !Number.isFinite(n) ? d : Math.min(hi, Math.max(lo, n));
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
  NAMES.forEach((name, i) => { series[name] = last[i].toFixed(9); });
  return { total: total.toFixed(9), series };
}

module.exports = { main };
