#!/usr/bin/env bash
# Measures what one QuickJS bytecode costs natively (docs/cost-model.md, JS_BYTECODE): builds the engine that build.sh
# prepared (run build.sh first: it fetches and patches the sources, with the bytecode counter) for this machine with
# bytecode_cost.c as main, runs five of the paper's SunSpider kernels (../js/actions) through it, best of three each,
# and prints cycles per bytecode at this machine's clock: CPU time (parse included) over bytecodes dispatched, summed.
# crypto-aes is left out: it needs the runtime's crypto module, which a bare QuickJS does not have.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
src="$here/.build/quickjs-2025.04.26"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
[ "$(grep -c jsfn_bytecodes "$src/quickjs.c" 2>/dev/null)" = 3 ] || { echo "bytecode-cost.sh: run build.sh first" >&2; exit 1; }
(cd "$src" && clang -O2 -D_GNU_SOURCE '-DCONFIG_VERSION="2025-04-26"' -Wno-everything -I. quickjs.c libregexp.c \
    libunicode.c cutils.c dtoa.c quickjs-libc.c "$here/bytecode_cost.c" -lm -ldl -lpthread -o "$work/bench")
mhz="$(awk -F: '/^cpu MHz/ {print $2; exit}' /proc/cpuinfo)"
total_bc=0 total_ns=0
for k in access-binary-trees crypto-md5 regexp-dna math-partial-sums string-validate-input; do
    { echo 'var console = {log: print, error: print};'; cat "$here/../js/actions/$k.js"; echo
      echo 'var r = main({}); if (!r) throw new Error("no result");'; } > "$work/$k.js"
    best="$(for i in 1 2 3; do "$work/bench" "$work/$k.js"; done | sort -k4 -n | head -1)"
    bc="$(echo "$best" | awk '{print $2}')"; ns="$(echo "$best" | awk '{print $4}')"
    printf '%-22s %10d bytecodes %12d ns  %6.2f ns/bytecode\n' "$k" "$bc" "$ns" "$(echo "$ns / $bc" | bc -l)"
    total_bc=$((total_bc + bc)); total_ns=$((total_ns + ns))
done
printf 'all: %.2f ns/bytecode = %.1f cycles/bytecode at %s MHz\n' "$(echo "$total_ns / $total_bc" | bc -l)" \
    "$(echo "$total_ns / $total_bc * $mhz / 1000" | bc -l)" "${mhz// /}"
