/*
 * The modeled clock's price of one QuickJS bytecode (docs/cost-model.md, JS_BYTECODE): a native build of the same
 * engine with build.sh's bytecode counter runs a script and prints the bytecodes it dispatched and the CPU time it
 * took. bytecode-cost.sh builds it and runs the SunSpider kernels of ../js/actions through it.
 */
#include <stdio.h>
#include <stdint.h>
#include <time.h>
#include "quickjs-libc.h"
extern uint64_t jsfn_bytecodes;
int main(int argc, char **argv) {
    JSRuntime *rt = JS_NewRuntime();
    js_std_init_handlers(rt);
    JSContext *ctx = JS_NewContext(rt);
    js_std_add_helpers(ctx, 0, NULL);
    size_t len;
    uint8_t *buf = js_load_file(ctx, &len, argv[1]);
    struct timespec a, b;
    jsfn_bytecodes = 0;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a);
    JSValue v = JS_Eval(ctx, (char *)buf, len, argv[1], JS_EVAL_TYPE_GLOBAL);
    if (JS_IsException(v)) js_std_dump_error(ctx);
    js_std_loop(ctx);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b);
    double ns = (b.tv_sec - a.tv_sec) * 1e9 + (b.tv_nsec - a.tv_nsec);
    printf("bytecodes %llu cpu_ns %.0f\n", (unsigned long long)jsfn_bytecodes, ns);
    return 0;
}
