/*
 * jsfn: the JavaScript host that TeeMate's enclave runs, one QuickJS runtime per function instance.
 *
 * Built for wasm32-wasi as a reactor (no _start): the trusted Java side (io.teemate.faas.enclave.JsApp) calls
 *   jsfn_alloc(n)            -> a buffer in linear memory for the next call's argument
 *   jsfn_init(ptr, len)      -> 0, or 1 with the reason on stderr: a new runtime and context, the Node.js prelude
 *                               (prelude.js, compiled in), then the action: ptr holds the JSON
 *                               {"code", "main", "env", "files"} that OpenWhisk's /init carries (files: a zipped
 *                               action's sources by path, unpacked by the trusted side)
 *   jsfn_run(ptr, len)       -> 0 with the action's result (a JSON object) on stdout, or 1 with {"error": ...} on
 *                               stdout; ptr holds the activation's params (JSON). console.* goes to stderr.
 *   jsfn_bytecodes()         -> the bytecodes the interpreter ran since the last jsfn_init or jsfn_run began
 * The platform calls jsfn_init once per function and keeps the linear memory and globals that follow as the
 * function's snapshot; every activation starts from a copy of it and calls jsfn_run once (Wizer's idea).
 *
 * Trusted services come from the enclave's runtime through the import module "teemate" (digest, cipher; service,
 * the host platform's fetch and key-value store through an ocall) and
 * WASI (random_get for randomBytes and the reseed of Math.random, clock_time_get, poll_oneoff for timers).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "quickjs.h"

/* Appended to quickjs.c by build.sh: a snapshot taken after init would otherwise give every instance the same
 * Math.random sequence. */
void JS_SetRandomSeed(JSContext *ctx, uint64_t seed);
/* Counted by build.sh's patch of the interpreter's dispatch: the bytecodes run since the last jsfn_init/jsfn_run
 * began, read by the trusted side through jsfn_bytecodes() to charge the modeled clock. */
extern uint64_t jsfn_bytecodes;

#define IMPORT(name) __attribute__((import_module("teemate"), import_name(name)))
#define EXPORT(name) __attribute__((export_name(name)))

/* HMAC when key_len >= 0, else a plain digest. Returns the digest length, -1 for an unknown algorithm, -4 if
 * out_cap is too small. */
IMPORT("digest") int32_t teemate_digest(const char *alg, int32_t alg_len, const uint8_t *key, int32_t key_len,
                                        const uint8_t *data, int32_t data_len, uint8_t *out, int32_t out_cap);
/* One-shot AES: spec is Node's cipher name. Returns the output length, or -1 unknown cipher, -2 bad key or IV
 * length, -3 bad decrypt (padding or GCM tag), -4 out_cap too small. GCM: tag is written on encrypt, read on
 * decrypt. */
IMPORT("cipher") int32_t teemate_cipher(const char *spec, int32_t spec_len, int32_t encrypt, const uint8_t *key,
                                        int32_t key_len, const uint8_t *iv, int32_t iv_len, const uint8_t *aad,
                                        int32_t aad_len, const uint8_t *in, int32_t in_len, uint8_t *tag,
                                        int32_t tag_len, uint8_t *out, int32_t out_cap);

/* A request to the host platform's service `name` (an ocall: the request leaves the enclave, the reply is the
 * host's and UNTRUSTED). Returns the reply's length (written to out), or a negative errno: -38 no such service,
 * -5 the service failed, -22 refused, -7 the reply is longer than out_cap. */
IMPORT("service") int32_t teemate_service(const char *name, int32_t name_len, const uint8_t *req, int32_t req_len,
                                          uint8_t *out, int32_t out_cap);

#include "prelude.h" /* static const char prelude_js[]; static const size_t prelude_js_len; */

static JSRuntime *rt;
static JSContext *ctx;

EXPORT("jsfn_alloc") void *jsfn_alloc(size_t n) { return malloc(n ? n : 1); }

EXPORT("jsfn_bytecodes") uint64_t jsfn_bytecode_count(void) { return jsfn_bytecodes; }

static void report(const char *what) {
    JSValue e = JS_GetException(ctx);
    const char *s = JS_ToCString(ctx, e);
    JSValue st = JS_IsObject(e) ? JS_GetPropertyStr(ctx, e, "stack") : JS_UNDEFINED;
    const char *t = JS_IsString(st) ? JS_ToCString(ctx, st) : NULL;
    fprintf(stderr, "%s: %s\n%s", what, s ? s : "(no message)", t ? t : "");
    fflush(stderr);
    JS_FreeCString(ctx, s);
    if (t) JS_FreeCString(ctx, t);
    JS_FreeValue(ctx, st);
    JS_FreeValue(ctx, e);
}

/* __native.write(fd, string): console output, one call per line. */
static JSValue js_write(JSContext *c, JSValueConst this_val, int argc, JSValueConst *argv) {
    int32_t fd;
    size_t len;
    if (JS_ToInt32(c, &fd, argv[0])) return JS_EXCEPTION;
    const char *s = JS_ToCStringLen(c, &len, argv[1]);
    if (!s) return JS_EXCEPTION;
    FILE *f = fd == 1 ? stdout : stderr;
    fwrite(s, 1, len, f);
    fflush(f);
    JS_FreeCString(c, s);
    return JS_UNDEFINED;
}

/* An ArrayBuffer, a typed array or a DataView as bytes (undefined: none, len -1). */
static int bytes_of(JSContext *c, JSValueConst v, uint8_t **p, size_t *len) {
    if (JS_IsUndefined(v) || JS_IsNull(v)) { *p = NULL; *len = (size_t)-1; return 0; }
    size_t off, n, el;
    JSValue ab = JS_GetTypedArrayBuffer(c, v, &off, &n, &el);
    if (!JS_IsException(ab)) {
        size_t size;
        uint8_t *base = JS_GetArrayBuffer(c, &size, ab);
        JS_FreeValue(c, ab);
        if (!base) return -1;
        *p = base + off; *len = n; return 0;
    }
    JS_FreeValue(c, JS_GetException(c));
    *p = JS_GetArrayBuffer(c, len, v);
    return *p ? 0 : -1;
}

/* __native.digest(alg, data, key|undefined) -> ArrayBuffer */
static JSValue js_digest(JSContext *c, JSValueConst this_val, int argc, JSValueConst *argv) {
    size_t alg_len, data_len, key_len;
    uint8_t *data, *key, out[64];
    const char *alg = JS_ToCStringLen(c, &alg_len, argv[0]);
    if (!alg) return JS_EXCEPTION;
    if (bytes_of(c, argv[1], &data, &data_len) || data_len == (size_t)-1 || bytes_of(c, argv[2], &key, &key_len)) {
        JS_FreeCString(c, alg);
        return JS_ThrowTypeError(c, "digest: data and key must be bytes");
    }
    int32_t n = teemate_digest(alg, alg_len, key, key_len == (size_t)-1 ? -1 : (int32_t)key_len, data,
                               data_len, out, sizeof out);
    JS_FreeCString(c, alg);
    if (n < 0) return JS_ThrowTypeError(c, "Digest method not supported");
    return JS_NewArrayBufferCopy(c, out, n);
}

/* __native.cipher(spec, encrypt, key, iv, data, aad|undefined, tag|undefined) -> [ArrayBuffer out, ArrayBuffer tag] */
static JSValue js_cipher(JSContext *c, JSValueConst this_val, int argc, JSValueConst *argv) {
    size_t spec_len, key_len, iv_len, in_len, aad_len, tag_len;
    uint8_t *key, *iv, *in, *aad, *tag_in, tag[16];
    const char *spec = JS_ToCStringLen(c, &spec_len, argv[0]);
    if (!spec) return JS_EXCEPTION;
    int encrypt = JS_ToBool(c, argv[1]);
    if (bytes_of(c, argv[2], &key, &key_len) || bytes_of(c, argv[3], &iv, &iv_len) ||
        bytes_of(c, argv[4], &in, &in_len) || bytes_of(c, argv[5], &aad, &aad_len) ||
        bytes_of(c, argv[6], &tag_in, &tag_len) || key_len == (size_t)-1 || in_len == (size_t)-1) {
        JS_FreeCString(c, spec);
        return JS_ThrowTypeError(c, "cipher: key, iv, data, aad and tag must be bytes");
    }
    if (iv_len == (size_t)-1) iv_len = 0;
    if (aad_len == (size_t)-1) aad_len = 0;
    if (tag_len == (size_t)-1) tag_len = 0;
    if (tag_len > sizeof tag) { JS_FreeCString(c, spec); return JS_ThrowRangeError(c, "Invalid authentication tag length"); }
    if (tag_len) memcpy(tag, tag_in, tag_len);
    size_t cap = in_len + 32;
    uint8_t *out = malloc(cap);
    if (!out) { JS_FreeCString(c, spec); return JS_ThrowOutOfMemory(c); }
    int32_t n = teemate_cipher(spec, spec_len, encrypt, key, key_len, iv, iv_len, aad, aad_len, in, in_len, tag,
                               encrypt ? (int32_t)sizeof tag : (int32_t)tag_len, out, cap);
    JS_FreeCString(c, spec);
    if (n < 0) {
        free(out);
        if (n == -1) return JS_ThrowTypeError(c, "Unknown cipher");
        if (n == -2) return JS_ThrowRangeError(c, "Invalid key or iv length");
        if (n == -3) return JS_ThrowTypeError(c, "Unsupported state or unable to authenticate data");
        return JS_ThrowInternalError(c, "cipher failed");
    }
    JSValue r = JS_NewArray(c);
    JS_SetPropertyUint32(c, r, 0, JS_NewArrayBufferCopy(c, out, n));
    JS_SetPropertyUint32(c, r, 1, JS_NewArrayBufferCopy(c, tag, encrypt ? sizeof tag : 0));
    free(out);
    return r;
}

/* __native.randomBytes(n) -> ArrayBuffer, from WASI random_get (the enclave's RDRAND, never the host's). */
static JSValue js_random_bytes(JSContext *c, JSValueConst this_val, int argc, JSValueConst *argv) {
    int32_t n;
    if (JS_ToInt32(c, &n, argv[0])) return JS_EXCEPTION;
    if (n < 0 || n > (1 << 20)) return JS_ThrowRangeError(c, "randomBytes: size must be from 0 to 1048576");
    uint8_t *b = malloc(n ? n : 1);
    if (!b) return JS_ThrowOutOfMemory(c);
    for (int32_t off = 0; off < n; off += 256) {
        if (getentropy(b + off, n - off < 256 ? n - off : 256)) { free(b); return JS_ThrowInternalError(c, "random_get failed"); }
    }
    JSValue r = JS_NewArrayBufferCopy(c, b, n);
    free(b);
    return r;
}

/* __native.service(name, bytes, cap) -> ArrayBuffer: the host's reply (at most cap bytes, up to 1 MiB), or a
 * thrown Error whose errno property is the positive errno. */
static JSValue js_service(JSContext *c, JSValueConst this_val, int argc, JSValueConst *argv) {
    size_t name_len, req_len;
    uint8_t *req;
    int32_t cap;
    if (JS_ToInt32(c, &cap, argv[2])) return JS_EXCEPTION;
    if (cap < 0 || cap > (1 << 20)) return JS_ThrowRangeError(c, "service: reply capacity must be from 0 to 1048576");
    const char *name = JS_ToCStringLen(c, &name_len, argv[0]);
    if (!name) return JS_EXCEPTION;
    if (bytes_of(c, argv[1], &req, &req_len) || req_len == (size_t)-1 || req_len > INT32_MAX) {
        JS_FreeCString(c, name);
        return JS_ThrowTypeError(c, "service: the request must be bytes");
    }
    uint8_t *out = malloc(cap ? cap : 1);
    if (!out) { JS_FreeCString(c, name); return JS_ThrowOutOfMemory(c); }
    int32_t n = teemate_service(name, (int32_t)name_len, req, (int32_t)req_len, out, cap);
    JS_FreeCString(c, name);
    if (n < 0 || n > cap) {
        free(out);
        int32_t errno_ = n < 0 ? -n : 5;
        JSValue e = JS_NewError(c);
        char msg[96];
        snprintf(msg, sizeof msg, "host service failed with errno %d", (int)errno_);
        JS_SetPropertyStr(c, e, "message", JS_NewString(c, msg));
        JS_SetPropertyStr(c, e, "errno", JS_NewInt32(c, errno_));
        return JS_Throw(c, e);
    }
    JSValue r = JS_NewArrayBufferCopy(c, out, n);
    free(out);
    return r;
}

/* __native.now() -> milliseconds of the monotonic clock (performance.now). */
static JSValue js_now(JSContext *c, JSValueConst this_val, int argc, JSValueConst *argv) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return JS_NewFloat64(c, ts.tv_sec * 1e3 + ts.tv_nsec / 1e6);
}

static const JSCFunctionListEntry native_funcs[] = {
    JS_CFUNC_DEF("write", 2, js_write),
    JS_CFUNC_DEF("digest", 3, js_digest),
    JS_CFUNC_DEF("cipher", 7, js_cipher),
    JS_CFUNC_DEF("randomBytes", 1, js_random_bytes),
    JS_CFUNC_DEF("now", 0, js_now),
    JS_CFUNC_DEF("service", 3, js_service),
};

/* Calls the prelude's global function `name` with one string argument. */
static JSValue call_prelude(const char *name, const char *arg, size_t len) {
    JSValue global = JS_GetGlobalObject(ctx);
    JSValue fn = JS_GetPropertyStr(ctx, global, name);
    JSValue a = arg ? JS_NewStringLen(ctx, arg, len) : JS_UNDEFINED;
    JSValue r = JS_Call(ctx, fn, global, arg ? 1 : 0, &a);
    JS_FreeValue(ctx, a);
    JS_FreeValue(ctx, fn);
    JS_FreeValue(ctx, global);
    return r;
}

EXPORT("jsfn_init") int jsfn_init(const char *req, size_t len) {
    jsfn_bytecodes = 0;
    rt = JS_NewRuntime();
    /* Below the 1 MiB shadow stack the linker gives (-z stack-size): deep recursion is a RangeError, not a trap. */
    JS_SetMaxStackSize(rt, 128 * 1024);
    ctx = JS_NewContext(rt);
    if (!rt || !ctx) { fprintf(stderr, "init: out of memory creating the JS runtime\n"); return 1; }
    JSValue global = JS_GetGlobalObject(ctx);
    JSValue native = JS_NewObject(ctx);
    JS_SetPropertyFunctionList(ctx, native, native_funcs, sizeof native_funcs / sizeof native_funcs[0]);
    JS_SetPropertyStr(ctx, global, "__native", native);
    JS_FreeValue(ctx, global);
    JSValue p = JS_Eval(ctx, prelude_js, prelude_js_len, "prelude.js", JS_EVAL_TYPE_GLOBAL);
    if (JS_IsException(p)) { report("init: the prelude failed"); return 1; }
    JS_FreeValue(ctx, p);
    JSValue r = call_prelude("__teemate_init", req, len);
    if (JS_IsException(r)) { report("Initialization has failed due to"); return 1; }
    JS_FreeValue(ctx, r);
    return 0;
}

/* Runs every pending promise job; the count, or -1 if one threw (the prelude catches the action's own errors). */
static int drain_jobs(void) {
    JSContext *c;
    int r, n = 0;
    while ((r = JS_ExecutePendingJob(rt, &c)) > 0) n++;
    return r < 0 ? -1 : n;
}

/* Node's processTicksAndRejections: the nextTick queue, then promise jobs, until both are empty. */
static int settle_microtasks(void) {
    for (;;) {
        JSValue t = call_prelude("__teemate_ticks", NULL, 0);
        int32_t ticks = 0;
        if (JS_IsException(t) || JS_ToInt32(ctx, &ticks, t)) return -1;
        int jobs = drain_jobs();
        if (jobs < 0) return -1;
        if (ticks == 0 && jobs == 0) return 0;
    }
}

EXPORT("jsfn_run") int jsfn_run(const char *params, size_t len) {
    jsfn_bytecodes = 0;
    uint64_t seed;
    if (getentropy(&seed, sizeof seed) == 0) JS_SetRandomSeed(ctx, seed);
    JSValue r = call_prelude("__teemate_run", params, len);
    if (JS_IsException(r)) { report("run"); return 2; }
    JS_FreeValue(ctx, r);
    /* The event loop: promise jobs first, then the earliest timer (poll_oneoff sleeps until it is due). */
    for (;;) {
        if (settle_microtasks()) { report("run"); return 2; }
        JSValue wait = call_prelude("__teemate_next_timer", NULL, 0);
        double ms;
        if (JS_IsException(wait) || JS_ToFloat64(ctx, &ms, wait)) { report("timers"); return 2; }
        if (ms < 0) break; /* settled, or nothing left that could settle it */
        if (ms > 0) {
            struct timespec ts = {(time_t)(ms / 1000), (long)((ms - (time_t)(ms / 1000) * 1000.0) * 1e6)};
            nanosleep(&ts, NULL);
        }
        JSValue f = call_prelude("__teemate_fire_timers", NULL, 0);
        if (JS_IsException(f)) { report("timers"); return 2; }
        JS_FreeValue(ctx, f);
    }
    JSValue out = call_prelude("__teemate_response", NULL, 0);
    if (JS_IsException(out)) { report("response"); return 2; }
    size_t n;
    const char *s = JS_ToCStringLen(ctx, &n, out);
    int ok = JS_IsString(out) && s && n > 0 && s[0] == '0';
    /* "0{...}": the result; "1{...}": {"error": ...} */
    if (s && n > 0) fwrite(s + 1, 1, n - 1, stdout);
    fflush(stdout);
    JS_FreeCString(ctx, s);
    JS_FreeValue(ctx, out);
    return ok ? 0 : 1;
}
