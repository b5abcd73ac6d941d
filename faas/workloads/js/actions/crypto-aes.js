// TeeMate JS workload 'crypto-aes': built by faas/workloads/js/build.sh from src/crypto-aes.js (esbuild 0.28.2).
// OpenWhisk plain-code action: the runtime evaluates this file and calls the global main(params).
"use strict";
var __action = (() => {
  var __getOwnPropNames = Object.getOwnPropertyNames;
  var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
    get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
  }) : x)(function(x) {
    if (typeof require !== "undefined") return require.apply(this, arguments);
    throw Error('Dynamic require of "' + x + '" is not supported');
  });
  var __commonJS = (cb, mod) => function __require2() {
    try {
      return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
    } catch (e) {
      throw mod = 0, e;
    }
  };

  // src/crypto-aes.js
  var require_crypto_aes = __commonJS({
    "src/crypto-aes.js"(exports, module) {
      /*!
       * crypto-aes: the kernel of SunSpider 1.0's crypto-aes.js, which encrypts and decrypts a text
       * with Chris Veness' pure-JavaScript AES in counter mode ("AES implementation in JavaScript
       * (c) Chris Veness 2005-2007", http://www.movable-type.co.uk/scripts/aes.html): a 256-bit key
       * made from a password (the password's first 32 char codes, encrypted with themselves, the first
       * 16 result bytes repeated), a counter block of an 8-byte nonce (little-endian) and an 8-byte
       * big-endian block number, then decryption and a check that the text comes back.
       *
       * Written for TeeMate from FIPS 197 following that structure (Cipher, KeyExpansion, SubBytes,
       * ShiftRows, MixColumns, AddRoundKey on a 4xNb state; CTR as above). It does NOT use
       * require('crypto') for AES; only the reported digest of the ciphertext uses createHash.
       * SunSpider takes the nonce from the clock; here it is a param, so the ciphertext is
       * reproducible; with it, the ciphertext equals standard AES-256-CTR with IV = the counter block.
       *
       * params: text      (default: SunSpider's Romeo and Juliet line, as the C workload uses it),
       *                   repeated to fill `bytes`; encrypted as UTF-8
       *         bytes     plaintext length (default 1024: ~1.5 ms in node)
       *         password  (default "O Romeo, Romeo! wherefore art thou Romeo?")
       *         nonce     a non-negative integer below 2^53 (default 1199145600000)
       * result: {bytes, key_hex, iv_hex, ciphertext_head (first 16 bytes, hex), ciphertext_sha256, roundtrip}
       */
      var crypto = __require("crypto");
      var DEFAULT_TEXT = "ROMEO: But, soft! what light through yonder window breaks? It is the east, and Juliet is the sun.\n";
      var SBOX = (() => {
        const s = new Array(256);
        let p = 1, q = 1;
        do {
          p = p ^ p << 1 & 255 ^ (p & 128 ? 27 : 0);
          q ^= q << 1;
          q ^= q << 2;
          q ^= q << 4;
          q &= 255;
          if (q & 128) q ^= 9;
          const x = q ^ (q << 1 | q >> 7) ^ (q << 2 | q >> 6) ^ (q << 3 | q >> 5) ^ (q << 4 | q >> 4);
          s[p] = (x ^ 99) & 255;
        } while (p !== 1);
        s[0] = 99;
        return s;
      })();
      var RCON = [
        [0, 0, 0, 0],
        [1, 0, 0, 0],
        [2, 0, 0, 0],
        [4, 0, 0, 0],
        [8, 0, 0, 0],
        [16, 0, 0, 0],
        [32, 0, 0, 0],
        [64, 0, 0, 0],
        [128, 0, 0, 0],
        [27, 0, 0, 0],
        [54, 0, 0, 0]
      ];
      function subBytes(s, Nb) {
        for (let r = 0; r < 4; r++) for (let c = 0; c < Nb; c++) s[r][c] = SBOX[s[r][c]];
        return s;
      }
      function shiftRows(s, Nb) {
        const t = new Array(4);
        for (let r = 1; r < 4; r++) {
          for (let c = 0; c < 4; c++) t[c] = s[r][(c + r) % Nb];
          for (let c = 0; c < 4; c++) s[r][c] = t[c];
        }
        return s;
      }
      function mixColumns(s, Nb) {
        for (let c = 0; c < 4; c++) {
          const a = new Array(4), b = new Array(4);
          for (let i = 0; i < 4; i++) {
            a[i] = s[i][c];
            b[i] = s[i][c] & 128 ? s[i][c] << 1 ^ 283 : s[i][c] << 1;
          }
          s[0][c] = b[0] ^ a[1] ^ b[1] ^ a[2] ^ a[3];
          s[1][c] = a[0] ^ b[1] ^ a[2] ^ b[2] ^ a[3];
          s[2][c] = a[0] ^ a[1] ^ b[2] ^ a[3] ^ b[3];
          s[3][c] = a[0] ^ b[0] ^ a[1] ^ a[2] ^ b[3];
        }
        return s;
      }
      function addRoundKey(state, w, rnd, Nb) {
        for (let r = 0; r < 4; r++) for (let c = 0; c < Nb; c++) state[r][c] ^= w[rnd * 4 + c][r];
        return state;
      }
      function subWord(w) {
        for (let i = 0; i < 4; i++) w[i] = SBOX[w[i]];
        return w;
      }
      function rotWord(w) {
        const t = w[0];
        for (let i = 0; i < 3; i++) w[i] = w[i + 1];
        w[3] = t;
        return w;
      }
      function keyExpansion(key) {
        const Nb = 4, Nk = key.length / 4, Nr = Nk + 6;
        const w = new Array(Nb * (Nr + 1));
        for (let i = 0; i < Nk; i++) w[i] = [key[4 * i], key[4 * i + 1], key[4 * i + 2], key[4 * i + 3]];
        for (let i = Nk; i < Nb * (Nr + 1); i++) {
          let temp = w[i - 1].slice();
          if (i % Nk === 0) {
            temp = subWord(rotWord(temp));
            for (let t = 0; t < 4; t++) temp[t] ^= RCON[i / Nk][t];
          } else if (Nk > 6 && i % Nk === 4) {
            temp = subWord(temp);
          }
          w[i] = new Array(4);
          for (let t = 0; t < 4; t++) w[i][t] = w[i - Nk][t] ^ temp[t];
        }
        return w;
      }
      function cipher(input, w) {
        const Nb = 4, Nr = w.length / Nb - 1;
        let state = [[], [], [], []];
        for (let i = 0; i < 4 * Nb; i++) state[i % 4][Math.floor(i / 4)] = input[i];
        state = addRoundKey(state, w, 0, Nb);
        for (let round = 1; round < Nr; round++) {
          state = subBytes(state, Nb);
          state = shiftRows(state, Nb);
          state = mixColumns(state, Nb);
          state = addRoundKey(state, w, round, Nb);
        }
        state = subBytes(state, Nb);
        state = shiftRows(state, Nb);
        state = addRoundKey(state, w, Nr, Nb);
        const output = new Array(4 * Nb);
        for (let i = 0; i < 4 * Nb; i++) output[i] = state[i % 4][Math.floor(i / 4)];
        return output;
      }
      function passwordKey(password, nBits) {
        const nBytes = nBits / 8;
        const pwBytes = new Array(nBytes);
        for (let i = 0; i < nBytes; i++) pwBytes[i] = i < password.length ? password.charCodeAt(i) & 255 : 0;
        let key = cipher(pwBytes, keyExpansion(pwBytes));
        return key.concat(key.slice(0, nBytes - 16));
      }
      function counterBlock(nonce) {
        const block = new Array(16).fill(0);
        const lo = nonce % 4294967296, hi = Math.floor(nonce / 4294967296);
        for (let i = 0; i < 4; i++) block[i] = lo >>> i * 8 & 255;
        for (let i = 0; i < 4; i++) block[i + 4] = hi >>> i * 8 & 255;
        return block;
      }
      function ctr(data, key, nonce) {
        const schedule = keyExpansion(key);
        const block = counterBlock(nonce);
        const out = new Uint8Array(data.length);
        const blocks = Math.ceil(data.length / 16);
        for (let b = 0; b < blocks; b++) {
          for (let c = 0; c < 4; c++) block[15 - c] = b >>> c * 8 & 255;
          for (let c = 0; c < 4; c++) block[15 - c - 4] = Math.floor(b / 4294967296) >>> c * 8 & 255;
          const ks = cipher(block, schedule);
          const n = Math.min(16, data.length - b * 16);
          for (let i = 0; i < n; i++) out[b * 16 + i] = ks[i] ^ data[b * 16 + i];
        }
        return out;
      }
      var hex = (bytes) => Array.from(bytes, (x) => (x < 16 ? "0" : "") + x.toString(16)).join("");
      function main(params) {
        params = params || {};
        const text = typeof params.text === "string" && params.text.length > 0 ? params.text : DEFAULT_TEXT;
        const n = Math.floor(Number(params.bytes));
        const bytes = params.bytes === void 0 || !Number.isFinite(n) ? 1024 : Math.max(0, Math.min(n, 1 << 26));
        const password = typeof params.password === "string" ? params.password : "O Romeo, Romeo! wherefore art thou Romeo?";
        const nn = Math.floor(Number(params.nonce));
        const nonce = params.nonce === void 0 || !Number.isFinite(nn) ? 11991456e5 : Math.max(0, Math.min(nn, Number.MAX_SAFE_INTEGER));
        const unit = new TextEncoder().encode(text);
        const plain = new Uint8Array(bytes);
        for (let i = 0; i < bytes; i++) plain[i] = unit[i % unit.length];
        const key = passwordKey(password, 256);
        const ct = ctr(plain, key, nonce);
        const back = ctr(ct, key, nonce);
        let same = back.length === plain.length;
        for (let i = 0; same && i < plain.length; i++) same = back[i] === plain[i];
        return {
          bytes,
          key_hex: hex(key),
          iv_hex: hex(counterBlock(nonce)),
          ciphertext_head: hex(ct.subarray(0, 16)),
          ciphertext_sha256: crypto.createHash("sha256").update(Buffer.from(ct.buffer, ct.byteOffset, ct.length)).digest("hex"),
          roundtrip: same
        };
      }
      module.exports = { main };
    }
  });
  return require_crypto_aes();
})();
function main(params) { return __action.main(params); }
