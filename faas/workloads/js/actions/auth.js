// TeeMate JS workload 'auth': built by faas/workloads/js/build.sh from src/auth.js (esbuild 0.28.2).
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

  // src/auth.js
  var require_auth = __commonJS({
    "src/auth.js"(exports, module) {
      var crypto = __require("crypto");
      var DEFAULT_KEY = "teemate-demo-key";
      var DEFAULT_TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhbGljZSIsInJvbGUiOiJyZWFkZXIiLCJleHAiOjE3NjcyMjU2MDB9.SIGNATURE";
      function toBase64Url(buf) {
        return buf.toString("base64").replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
      }
      function fromBase64Url(s) {
        if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) throw new Error("not base64url");
        return Buffer.from(s.replace(/-/g, "+").replace(/_/g, "/"), "base64");
      }
      function sign(input, key) {
        return toBase64Url(crypto.createHmac("sha256", key).update(input).digest());
      }
      function sameText(a, b) {
        if (a.length !== b.length) return false;
        let diff = 0;
        for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
        return diff === 0;
      }
      function defaultToken(key) {
        const parts = DEFAULT_TOKEN.split(".");
        return parts[0] + "." + parts[1] + "." + sign(parts[0] + "." + parts[1], key);
      }
      function verify(token, key, now, rounds) {
        if (typeof token !== "string" || token.length === 0) return { valid: false, reason: "empty token" };
        const parts = token.split(".");
        if (parts.length !== 3) return { valid: false, reason: "malformed token: expected 3 parts, got " + parts.length };
        let header, claims;
        try {
          header = JSON.parse(fromBase64Url(parts[0]).toString("utf8"));
          claims = JSON.parse(fromBase64Url(parts[1]).toString("utf8"));
        } catch (e) {
          return { valid: false, reason: "malformed token: header or claims are not base64url JSON" };
        }
        if (header === null || typeof header !== "object" || header.alg !== "HS256") {
          return { valid: false, reason: "unsupported alg: " + (header && header.alg) };
        }
        const signingInput = parts[0] + "." + parts[1];
        let expected = "";
        for (let r = 0; r < rounds; r++) expected = sign(signingInput, key);
        if (!sameText(expected, parts[2])) return { valid: false, reason: "signature mismatch" };
        if (typeof now === "number") {
          if (typeof claims.exp === "number" && now >= claims.exp) return { valid: false, reason: "token expired" };
          if (typeof claims.nbf === "number" && now < claims.nbf) return { valid: false, reason: "token not yet valid" };
        }
        return { valid: true, alg: header.alg, header, claims };
      }
      function main(params) {
        params = params || {};
        const key = typeof params.key === "string" ? params.key : DEFAULT_KEY;
        const token = params.token !== void 0 ? params.token : defaultToken(DEFAULT_KEY);
        const rounds = Math.max(1, Math.floor(Number(params.rounds) || 1));
        const now = params.now !== void 0 ? Number(params.now) : void 0;
        return verify(token, key, now, rounds);
      }
      module.exports = { main };
    }
  });
  return require_auth();
})();
function main(params) { return __action.main(params); }
