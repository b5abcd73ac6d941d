// TeeMate JS workload 'sleep': built by faas/workloads/js/build.sh from src/sleep.js (esbuild 0.28.2).
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

  // src/sleep.js
  var require_sleep = __commonJS({
    "src/sleep.js"(exports, module) {
      function main(params) {
        params = params || {};
        const ms = params.sleep !== void 0 ? Math.max(0, Number(params.sleep) || 0) : 10;
        return new Promise((resolve) => setTimeout(() => resolve({ requested_ms: ms }), ms));
      }
      module.exports = { main };
    }
  });
  return require_sleep();
})();
function main(params) { return __action.main(params); }
