/*!
 * string-validate-input: the kernel of SunSpider 1.0's string-validate-input.js (Apple): makes
 * up e-mail addresses (random six-letter names, every other one with "(at)" instead of "@") and
 * checks them with a regular expression, then makes up ZIP codes (random digits, every other one
 * with "xyz" appended) and validates them character by character, building one long report
 * string of the verdicts.
 *
 * Written for TeeMate from that benchmark's description; SunSpider's files are under Apple's
 * BSD-style license (see Notices in this directory's README.md). SunSpider draws the names and digits with
 * Math.random(); here a seeded mulberry32 generator does, so the report is reproducible.
 *
 * params: count (default 1000; SunSpider uses 4000), seed (default 42)
 * result: {emails_valid, emails_invalid, zips_valid, zips_with_letters, zips_too_long,
 *          report_length, report_fnv1a (32-bit FNV-1a of the report's UTF-16 units, hex), head}
 */
'use strict';

const letters = 'abcdefghijklmnopqrstuvwxyz'.split('');

function mulberry32(seed) {
  let a = seed >>> 0;
  return function () {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function int(v, d, lo, hi) {
  const n = Math.floor(Number(v));
  return v === undefined || !Number.isFinite(n) ? d : Math.min(hi, Math.max(lo, n));
}

function main(params) {
  params = params || {};
  const count = int(params.count, 1000, 0, 1 << 24);
  const random = mulberry32(int(params.seed, 42, 0, 0xffffffff));
  const makeName = (n) => { let s = ''; for (let i = 0; i < n; i++) s += letters[Math.floor(26 * random())]; return s; };
  const makeNumber = (n) => { let s = ''; for (let i = 0; i < n; i++) s = s.concat(Math.floor(9 * random())); return s; };
  const stats = { emails_valid: 0, emails_invalid: 0, zips_valid: 0, zips_with_letters: 0, zips_too_long: 0 };
  let endResult = '';
  const pattern = /^[a-zA-Z0-9\-\._]+@[a-zA-Z0-9\-_]+(\.?[a-zA-Z0-9\-_]*)\.[a-zA-Z]{2,3}$/;

  for (let k = 0; k < count; k++) {
    const username = makeName(6);
    const email = k % 2 ? username + '@mac.com' : username + '(at)mac.com';
    if (pattern.test(email)) { endResult += email + ' appears to be a valid email address.'; stats.emails_valid++; }
    else { endResult += email + ' does NOT appear to be a valid email address.'; stats.emails_invalid++; }
  }

  for (let s = 0; s < count; s++) {
    let zipGood = true;
    let zip = makeNumber(4);
    zip = s % 2 ? zip + 'xyz' : zip.concat('7');
    for (let i = 0; i < zip.length; i++) {
      const ch = zip.charAt(i);
      if (ch < '0' || ch > '9') { zipGood = false; endResult += zip + ' contains letters.'; }
    }
    if (!zipGood) stats.zips_with_letters++;
    if (zipGood && zip.length > 5) { zipGood = false; endResult += zip + ' is longer than five characters.'; stats.zips_too_long++; }
    if (zipGood) { endResult += zip + ' appears to be a valid ZIP code.'; stats.zips_valid++; }
  }

  let h = 0x811c9dc5;
  for (let i = 0; i < endResult.length; i++) h = Math.imul(h ^ endResult.charCodeAt(i), 0x01000193);
  return Object.assign(stats, {
    report_length: endResult.length,
    report_fnv1a: (h >>> 0).toString(16).padStart(8, '0'),
    head: endResult.slice(0, 120),
  });
}

module.exports = { main };
