/*
 * dynamic-html: SeBS 110.dynamic-html (nodejs): renders an HTML page with mustache@4.2.0 (MIT,
 * https://github.com/janl/mustache.js) greeting a user and listing random numbers.
 *
 * SeBS draws the numbers with Math.random() and stamps the page with the current time; here both
 * come from params so the page is reproducible: the numbers are splitmix64(seed) % 10^6, the same
 * sequence as the C/Wasm workload faas/workloads/src/dynamic_html.c, whose template this mirrors.
 *
 * params: username     (default "anonymous")
 *         random_len   how many numbers (default 100; "count" is accepted too)
 *         seed         splitmix64 seed, a non-negative integer (default 42)
 *         time         the "generated at" text (default "1970-01-01T00:00:00Z")
 * result: {html}
 */
'use strict';
const Mustache = require('mustache');

const TEMPLATE =
  '<!DOCTYPE html>\n' +
  '<html>\n' +
  '  <head>\n' +
  '    <title>Randomly generated data.</title>\n' +
  '    <meta name="viewport" content="width=device-width, initial-scale=1">\n' +
  '    <style type="text/css">\n' +
  '      .container { max-width: 500px; padding-top: 100px; }\n' +
  '    </style>\n' +
  '  </head>\n' +
  '  <body>\n' +
  '    <div class="container">\n' +
  '      <p>Welcome {{username}}!</p>\n' +
  '      <p>Data generated at: {{cur_time}}!</p>\n' +
  '      <p>Requested random numbers ({{count}}):</p>\n' +
  '      <ul>\n' +
  '{{#random_numbers}}' +
  '        <li>{{.}}</li>\n' +
  '{{/random_numbers}}' +
  '      </ul>\n' +
  '    </div>\n' +
  '  </body>\n' +
  '</html>\n';

const MASK64 = (1n << 64n) - 1n;

// splitmix64 (Steele, Lea, Flood 2014), in BigInt so every engine gives the same numbers.
function randomNumbers(count, seed) {
  let state = BigInt(seed) & MASK64;
  const out = new Array(count);
  for (let k = 0; k < count; k++) {
    state = (state + 0x9e3779b97f4a7c15n) & MASK64;
    let z = state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
    z = z ^ (z >> 31n);
    out[k] = Number(z % 1000000n);
  }
  return out;
}

function main(params) {
  params = params || {};
  const lenParam = params.random_len !== undefined ? params.random_len : params.count;
  const count = lenParam !== undefined ? Math.max(0, Math.floor(Number(lenParam) || 0)) : 100;
  const seed = params.seed !== undefined ? Math.max(0, Math.floor(Number(params.seed) || 0)) : 42;
  const input = {
    username: typeof params.username === 'string' ? params.username : 'anonymous',
    cur_time: typeof params.time === 'string' ? params.time : '1970-01-01T00:00:00Z',
    count: count,
    random_numbers: randomNumbers(count, seed),
  };
  return { html: Mustache.render(TEMPLATE, input) };
}

module.exports = { main };
