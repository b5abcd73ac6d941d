/*
 * Shared helpers for the TeeMate serverless workloads.
 *
 * Every workload is a WASI preview 1 command module: the request body arrives on stdin, the
 * response goes to stdout, parameters come from environment variables, and the exit code is 0
 * on success. A request the function cannot serve (a malformed number, a missing key) prints
 * one line naming what was wrong on stderr and exits with WL_EXIT_BAD_REQUEST.
 */
#ifndef TEEMATE_WORKLOAD_H
#define TEEMATE_WORKLOAD_H

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WL_EXIT_BAD_REQUEST 2

/* A request body: bytes plus a terminating NUL (the body itself may hold NULs). */
typedef struct {
    char *data;
    size_t len;
} wl_body;

_Noreturn static inline void wl_fail(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(WL_EXIT_BAD_REQUEST);
}

/* Reads all of stdin (fd_read until EOF). Fails rather than truncating past max_len. */
static inline wl_body wl_read_stdin(size_t max_len) {
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap + 1);
    if (buf == NULL) wl_fail("out of memory reading the request body");
    for (;;) {
        if (len == cap) {
            if (cap >= max_len) wl_fail("request body is larger than %zu bytes", max_len);
            cap = cap * 2 > max_len ? max_len : cap * 2;
            buf = realloc(buf, cap + 1);
            if (buf == NULL) wl_fail("out of memory reading the request body");
        }
        size_t n = fread(buf + len, 1, cap - len, stdin);
        len += n;
        if (n == 0) {
            if (ferror(stdin)) wl_fail("cannot read the request body from stdin");
            break;
        }
    }
    buf[len] = '\0';
    wl_body body = {buf, len};
    return body;
}

/* Strips leading and trailing ASCII white space in place. */
static inline void wl_trim(wl_body *b) {
    size_t start = 0;
    while (start < b->len && isspace((unsigned char)b->data[start])) start++;
    size_t end = b->len;
    while (end > start && isspace((unsigned char)b->data[end - 1])) end--;
    memmove(b->data, b->data + start, end - start);
    b->len = end - start;
    b->data[b->len] = '\0';
}

/* Parses a whole decimal integer in [min, max]; `what` names it in the error message. */
static inline long long wl_parse_int(const char *text, const char *what, long long min, long long max) {
    char *end;
    errno = 0;
    long long v = strtoll(text, &end, 10);
    while (*end != '\0' && isspace((unsigned char)*end)) end++;
    if (end == text || *end != '\0' || errno == ERANGE)
        wl_fail("%s must be a decimal integer, got \"%s\"", what, text);
    if (v < min || v > max)
        wl_fail("%s must be between %lld and %lld, got %lld", what, min, max, v);
    return v;
}

/*
 * A size parameter: the request body if it is not blank, else the environment variable, else
 * the default. The body wins so that one deployed function can be asked for different sizes.
 */
static inline long long wl_size_param(const wl_body *trimmed_body, const char *env_name,
                               long long def, long long min, long long max) {
    if (trimmed_body->len > 0) return wl_parse_int(trimmed_body->data, "the request body", min, max);
    const char *env = getenv(env_name);
    if (env != NULL && env[0] != '\0') return wl_parse_int(env, env_name, min, max);
    return def;
}

/* An integer environment variable with a default. */
static inline long long wl_env_int(const char *env_name, long long def, long long min, long long max) {
    const char *env = getenv(env_name);
    if (env == NULL || env[0] == '\0') return def;
    return wl_parse_int(env, env_name, min, max);
}

/* Writes s[0..len) as the body of a JSON string (RFC 8259 section 7 escapes). */
static inline void wl_json_string(FILE *out, const char *s, size_t len) {
    fputc('"', out);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
            case '"': fputs("\\\"", out); break;
            case '\\': fputs("\\\\", out); break;
            case '\n': fputs("\\n", out); break;
            case '\r': fputs("\\r", out); break;
            case '\t': fputs("\\t", out); break;
            default:
                if (c < 0x20) fprintf(out, "\\u%04x", c);
                else fputc(c, out);
        }
    }
    fputc('"', out);
}

static inline void wl_hex(FILE *out, const uint8_t *bytes, size_t len) {
    static const char digits[] = "0123456789abcdef";
    for (size_t i = 0; i < len; i++) {
        fputc(digits[bytes[i] >> 4], out);
        fputc(digits[bytes[i] & 15], out);
    }
}

#endif
