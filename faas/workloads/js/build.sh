#!/usr/bin/env bash
# Builds the JavaScript workloads: npm ci into js/node_modules (pinned by package-lock.json), then
# bundles each src/<name>.js with esbuild into actions/<name>.js, one self-contained file with a
# global `function main(params)` (an OpenWhisk plain-code Node.js action). The bundles are
# committed; re-record expected/ with `node tools/make_expected.mjs` after rebuilding.
#   faas/workloads/js/build.sh            # all workloads
#   faas/workloads/js/build.sh auth sleep # some
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x node_modules/.bin/esbuild ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # --ignore-scripts: esbuild's binary comes from its @esbuild/<platform> optional dependency,
  # so its postinstall (which only re-checks that) is not needed.
  npm ci --ignore-scripts --no-audit --no-fund
fi

WORKLOADS=(auth face-detection sentiment-analysis wav-decoder dynamic-html sleep uploader
  access-binary-trees crypto-md5 regexp-dna crypto-aes math-partial-sums string-validate-input)
[ $# -gt 0 ] && WORKLOADS=("$@")

mkdir -p actions
for name in "${WORKLOADS[@]}"; do
  [ -f "src/$name.js" ] || { echo "no src/$name.js" >&2; exit 1; }
  out="actions/$name.js"
  # --legal-comments=inline keeps the /*! ... */ and @license comments of the bundled packages.
  # --external: require("crypto") and require("buffer") are the runtime's, not bundled.
  # --log-override: sentiment's require('../languages/' + lang) for other languages is dynamic;
  # only English (statically bundled) is used.
  node_modules/.bin/esbuild "src/$name.js" --bundle --format=iife --global-name=__action \
    --platform=neutral --main-fields=main,module --target=es2020 --define:global=globalThis \
    --external:crypto --external:buffer \
    --loader:.jpg=base64 --legal-comments=inline --charset=utf8 \
    --log-level=warning --log-override:unsupported-require-call=silent --log-override:empty-glob=silent \
    --metafile="$out.meta" --outfile="$out.tmp"
  {
    echo "// TeeMate JS workload '$name': built by faas/workloads/js/build.sh from src/$name.js (esbuild $(node_modules/.bin/esbuild --version))."
    echo "// OpenWhisk plain-code action: the runtime evaluates this file and calls the global main(params)."
    node tools/license_header.mjs "$out.meta"
    cat "$out.tmp"
    echo 'function main(params) { return __action.main(params); }'
  } > "$out"
  rm -f "$out.tmp" "$out.meta"
  printf '%-24s %8d bytes  sha256 %s\n' "$out" "$(wc -c < "$out")" "$(sha256sum "$out" | cut -d' ' -f1)"
done
