#!/usr/bin/env bash
# Rebuilds the JavaScript engine TeeMate's enclave runs for JS functions: QuickJS 2025-04-26 (MIT, Fabrice Bellard
# and Charlie Gordon) for wasm32-wasi, with jsfn.c (the host: OpenWhisk's /init and /run) and prelude/ (the Node.js
# surface) compiled in, into ../../src/main/resources/io/teemate/faas/js/jsfn.wasm, which is committed.
#
# QuickJS comes from Debian's package registry: source package quickjs 2025.04.26-1 (trixie), fetched through a
# private apt configuration (the machine's own sources are left alone) and checked against the SHA-256 below.
# Three changes to it, each needed on wasi-libc: no CONFIG_ATOMICS (no pthreads), no <setjmp.h> in dtoa.c (unused,
# and wasi-libc has none), and JS_SetRandomSeed appended to quickjs.c (jsfn_run reseeds Math.random per instance);
# and one for the modeled clock: a count of the bytecodes the interpreter dispatches (jsfn_bytecodes).
# Tools: clang, lld, wasi-libc, libclang-rt-<major>-dev-wasm32 (as ../build.sh), node and npm (esbuild).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$here/.build"
out="$here/../../src/main/resources/io/teemate/faas/js/jsfn.wasm"
CC="${CC:-clang}"
VERSION=2025.04.26
ORIG_SHA256=ec81da5b3249ed648dbc7df4a1654988910e66a118d9b71cb63534216efcfbbe
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"

mkdir -p "$work"
tarball="$work/quickjs_$VERSION.orig.tar.xz"
if [ ! -f "$tarball" ]; then
    echo "build.sh: fetching quickjs $VERSION source from Debian ($MIRROR, trixie)"
    apt="$work/apt"
    mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$work/src"
    echo "deb-src $MIRROR trixie main" > "$apt/sources.list"
    A=(-o Dir::Etc::sourcelist="$apt/sources.list" -o Dir::Etc::sourceparts=- -o Dir::State::Lists="$apt/lists"
       -o Dir::Cache="$apt/cache")
    apt-get "${A[@]}" update -q >/dev/null
    (cd "$work/src" && apt-get "${A[@]}" source --download-only "quickjs=$VERSION-1" >/dev/null)
    cp "$work/src/quickjs_$VERSION.orig.tar.xz" "$tarball"
fi
echo "$ORIG_SHA256  $tarball" | sha256sum -c --quiet

src="$work/quickjs-$VERSION"
rm -rf "$src" && tar -C "$work" -xf "$tarball"
sed -i '/^#if !defined(EMSCRIPTEN)$/{N;s/^#if !defined(EMSCRIPTEN)\n#define CONFIG_ATOMICS/#if !defined(EMSCRIPTEN) \&\& !defined(__wasi__)\n#define CONFIG_ATOMICS/}' "$src/quickjs.c"
sed -i '/^#include <setjmp.h>$/d' "$src/dtoa.c"
grep -q '!defined(__wasi__)' "$src/quickjs.c" || { echo "build.sh: the CONFIG_ATOMICS patch did not apply" >&2; exit 1; }
# The modeled clock's count of the engine's work: every bytecode the interpreter dispatches (docs/cost-model.md,
# "JS_BYTECODE"). Both dispatch macros count, so the patch holds whichever one the target picks.
sed -i 's/^#define SWITCH(pc)      switch (opcode = \*pc++)$/#define SWITCH(pc)      switch (jsfn_bytecodes++, opcode = *pc++)/;
        s/^#define SWITCH(pc)      goto \*dispatch_table\[opcode = \*pc++\];$/#define SWITCH(pc)      goto *dispatch_table[(jsfn_bytecodes++, opcode = *pc++)];/' \
    "$src/quickjs.c"
sed -i 's/^#define DIRECT_DISPATCH  1$/#define DIRECT_DISPATCH  1\nuint64_t jsfn_bytecodes;/' "$src/quickjs.c"
[ "$(grep -c 'jsfn_bytecodes' "$src/quickjs.c")" = 3 ] || { echo "build.sh: the bytecode counter patch did not apply" >&2; exit 1; }
cat >> "$src/quickjs.c" <<'C'

/* TeeMate: instances start from one snapshot, so each reseeds Math.random (xorshift64*, never 0). */
void JS_SetRandomSeed(JSContext *ctx, uint64_t seed)
{
    ctx->random_state = seed ? seed : 1;
}
C

# The prelude: esbuild bundles prelude.js with the npm buffer package; node writes it as a C string.
(cd "$here/prelude" && npm ci --no-audit --no-fund --ignore-scripts >/dev/null)
node "$here/prelude/node_modules/esbuild/bin/esbuild" "$here/prelude/prelude.js" --bundle --format=iife \
    --platform=neutral --target=es2020 --legal-comments=inline --log-level=warning --outfile="$work/prelude.js"
node -e '
const fs = require("fs");
const js = fs.readFileSync(process.argv[1]);
const bytes = Array.from(js, (b) => b).join(",");
fs.writeFileSync(process.argv[2], `static const char prelude_js[] = {${bytes},0};\nstatic const size_t prelude_js_len = ${js.length};\n`);
' "$work/prelude.js" "$work/prelude.h"

# -fno-inline: QuickJS's interpreter loop (JS_CallInternal) is 45 KB of Wasm with its helpers inlined and 20 KB
# without; Chicory turns it into one JVM method, which HotSpot compiles (with -XX:-DontCompileHugeMethods) at the
# smaller size and gives up on at the larger, leaving it in the bytecode interpreter (docs/faas.md). Small helpers
# become calls that HotSpot inlines itself.
# -fmacro-prefix-map: assert()'s __FILE__ names the sources relative to this directory, so the engine's bytes do not
# depend on where the repository is checked out.
CFLAGS=(--target=wasm32-wasi -O2 -fno-inline -fmacro-prefix-map="$here"=. -D_GNU_SOURCE '-DCONFIG_VERSION="2025-04-26"'
    -Wno-everything)
objs=()
for f in quickjs libregexp libunicode cutils dtoa; do
    "$CC" "${CFLAGS[@]}" -c "$src/$f.c" -o "$work/$f.o"
    objs+=("$work/$f.o")
done
"$CC" "${CFLAGS[@]}" -I"$src" -I"$work" -c "$here/jsfn.c" -o "$work/jsfn.o"
mkdir -p "$(dirname "$out")"
"$CC" --target=wasm32-wasi -mexec-model=reactor -fuse-ld=lld -Wl,-z,stack-size=1048576 -Wl,--strip-debug \
    "${objs[@]}" "$work/jsfn.o" -lm -o "$out"
echo "build.sh: $(stat -c %s "$out") bytes -> $out"
sha256sum "$out"
