// TeeMate JS workload 'uploader': built by faas/workloads/js/build.sh from src/uploader.js (esbuild 0.28.2).
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

  // src/uploader.js
  var require_uploader = __commonJS({
    "src/uploader.js"(exports, module) {
      var crypto = __require("crypto");
      async function main(params) {
        params = params || {};
        if (typeof params.url !== "string" || params.url.length === 0) throw new Error("uploader: params.url is required");
        const name = params.url.replace(/[?#].*$/, "").split("/").filter((s) => s.length > 0).pop() || "download";
        const key = typeof params.key === "string" && params.key.length > 0 ? params.key : "uploads/" + name;
        const res = await fetch(params.url);
        if (!res.ok) throw new Error("uploader: GET " + params.url + " answered " + res.status);
        const buf = Buffer.from(await res.arrayBuffer());
        await globalThis.teemate.kv.set(key, buf);
        return { key, bytes: buf.length, sha256: crypto.createHash("sha256").update(buf).digest("hex") };
      }
      module.exports = { main };
    }
  });
  return require_uploader();
})();
function main(params) { return __action.main(params); }
