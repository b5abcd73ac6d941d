// TeeMate JS workload 'access-binary-trees': built by faas/workloads/js/build.sh from src/access-binary-trees.js (esbuild 0.28.2).
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

  // src/access-binary-trees.js
  var require_access_binary_trees = __commonJS({
    "src/access-binary-trees.js"(exports, module) {
      /*!
       * access-binary-trees: the kernel of SunSpider 1.0's access-binary-trees.js, which is the
       * Computer Language Shootout's binary-trees benchmark (contributed there by Isaac Gouy):
       * allocates perfect binary trees of TreeNode objects bottom-up and walks them with itemCheck(),
       * whose result (item + left - right) checks that every node was built and reached.
       *
       * Written for TeeMate from the benchmark's published algorithm (the Shootout's binary-trees, as
       * SunSpider runs it: for n = from..to, maxDepth = max(minDepth + 2, n), a stretch tree of depth
       * maxDepth + 1, a long-lived tree of depth maxDepth, and 2^(maxDepth - depth + minDepth) pairs of
       * trees of each even-offset depth). SunSpider's own file carries the Shootout's revised BSD
       * license; see Notices in this directory's README.md.
       *
       * params: from (default 4), to (default 7): SunSpider's loop bounds; min_depth (default 4)
       * result: {ret, lines}: ret is SunSpider's checksum (the sum of the long-lived trees' checks,
       *         -4 for 4..7), lines are the Shootout-style report of the last n
       */
      function TreeNode(left, right, item) {
        this.left = left;
        this.right = right;
        this.item = item;
      }
      TreeNode.prototype.itemCheck = function() {
        if (this.left === null) return this.item;
        return this.item + this.left.itemCheck() - this.right.itemCheck();
      };
      function bottomUpTree(item, depth) {
        if (depth > 0) return new TreeNode(bottomUpTree(2 * item - 1, depth - 1), bottomUpTree(2 * item, depth - 1), item);
        return new TreeNode(null, null, item);
      }
      function int(v, d, lo, hi) {
        const n = Math.floor(Number(v));
        return v === void 0 || !Number.isFinite(n) ? d : Math.min(hi, Math.max(lo, n));
      }
      function main(params) {
        params = params || {};
        const minDepth = int(params.min_depth, 4, 1, 16);
        const from = int(params.from, 4, 1, 20);
        const to = int(params.to, 7, from, 20);
        let ret = 0;
        let lines = [];
        for (let n = from; n <= to; n++) {
          lines = [];
          const maxDepth = Math.max(minDepth + 2, n);
          const stretchDepth = maxDepth + 1;
          let check = bottomUpTree(0, stretchDepth).itemCheck();
          lines.push("stretch tree of depth " + stretchDepth + "	 check: " + check);
          const longLivedTree = bottomUpTree(0, maxDepth);
          for (let depth = minDepth; depth <= maxDepth; depth += 2) {
            const iterations = 1 << maxDepth - depth + minDepth;
            check = 0;
            for (let i = 1; i <= iterations; i++) {
              check += bottomUpTree(i, depth).itemCheck();
              check += bottomUpTree(-i, depth).itemCheck();
            }
            lines.push(iterations * 2 + "	 trees of depth " + depth + "	 check: " + check);
          }
          const longCheck = longLivedTree.itemCheck();
          lines.push("long lived tree of depth " + maxDepth + "	 check: " + longCheck);
          ret += longCheck;
        }
        return { ret, lines };
      }
      module.exports = { main };
    }
  });
  return require_access_binary_trees();
})();
function main(params) { return __action.main(params); }
