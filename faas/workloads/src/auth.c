/*
 * auth: checks an HMAC-SHA256 token, the kind of bearer-token check a serverless API gateway
 * runs before every request (the "auth" function of the paper's workload set).
 *
 * stdin:  a token "payload.signature_hex" (surrounding white space ignored); the signature is
 *         HMAC-SHA256(AUTH_KEY, payload) in 64 hex digits, either case. The payload may itself
 *         contain dots: the signature follows the last one.
 * env:    AUTH_KEY (required) the shared secret, used as raw bytes;
 *         AUTH_ROUNDS (default 1) how many times to recompute the MAC, to scale the work.
 * stdout: {"valid":true,"payload":"...","alg":"HS256"} or {"valid":false,"reason":"..."}
 * exit:   0 whether or not the token is valid; 2 if AUTH_KEY is missing or a parameter is bad.
 *
 * SHA-256 follows FIPS 180-4 section 6.2; HMAC follows RFC 2104 / FIPS 198-1.
 */
#include "workload.h"

typedef struct {
    uint32_t h[8];
    uint8_t block[64];
    size_t block_len;
    uint64_t total_len;
} sha256_ctx;

static const uint32_t K256[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

#define ROTR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void sha256_compress(uint32_t h[8], const uint8_t block[64]) {
    uint32_t w[64];
    for (int t = 0; t < 16; t++)
        w[t] = (uint32_t)block[4 * t] << 24 | (uint32_t)block[4 * t + 1] << 16 |
               (uint32_t)block[4 * t + 2] << 8 | block[4 * t + 3];
    for (int t = 16; t < 64; t++) {
        uint32_t s0 = ROTR(w[t - 15], 7) ^ ROTR(w[t - 15], 18) ^ (w[t - 15] >> 3);
        uint32_t s1 = ROTR(w[t - 2], 17) ^ ROTR(w[t - 2], 19) ^ (w[t - 2] >> 10);
        w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int t = 0; t < 64; t++) {
        uint32_t t1 = hh + (ROTR(e, 6) ^ ROTR(e, 11) ^ ROTR(e, 25)) + ((e & f) ^ (~e & g)) + K256[t] + w[t];
        uint32_t t2 = (ROTR(a, 2) ^ ROTR(a, 13) ^ ROTR(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

static void sha256_init(sha256_ctx *ctx) {
    static const uint32_t iv[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    memcpy(ctx->h, iv, sizeof iv);
    ctx->block_len = 0;
    ctx->total_len = 0;
}

static void sha256_update(sha256_ctx *ctx, const uint8_t *data, size_t len) {
    ctx->total_len += len;
    while (len > 0) {
        size_t take = 64 - ctx->block_len;
        if (take > len) take = len;
        memcpy(ctx->block + ctx->block_len, data, take);
        ctx->block_len += take;
        data += take;
        len -= take;
        if (ctx->block_len == 64) {
            sha256_compress(ctx->h, ctx->block);
            ctx->block_len = 0;
        }
    }
}

static void sha256_final(sha256_ctx *ctx, uint8_t out[32]) {
    uint64_t bits = ctx->total_len * 8;
    uint8_t pad = 0x80;
    sha256_update(ctx, &pad, 1);
    pad = 0;
    while (ctx->block_len != 56) sha256_update(ctx, &pad, 1);
    uint8_t len_be[8];
    for (int i = 0; i < 8; i++) len_be[i] = (uint8_t)(bits >> (56 - 8 * i));
    sha256_update(ctx, len_be, 8);
    for (int i = 0; i < 8; i++) {
        out[4 * i] = (uint8_t)(ctx->h[i] >> 24);
        out[4 * i + 1] = (uint8_t)(ctx->h[i] >> 16);
        out[4 * i + 2] = (uint8_t)(ctx->h[i] >> 8);
        out[4 * i + 3] = (uint8_t)ctx->h[i];
    }
}

/* RFC 2104: H((K0 ^ opad) || H((K0 ^ ipad) || text)), K0 = key hashed if longer than a block. */
static void hmac_sha256(const uint8_t *key, size_t key_len, const uint8_t *msg, size_t msg_len,
                        uint8_t out[32]) {
    uint8_t k0[64] = {0};
    sha256_ctx ctx;
    if (key_len > 64) {
        sha256_init(&ctx);
        sha256_update(&ctx, key, key_len);
        sha256_final(&ctx, k0);
    } else {
        memcpy(k0, key, key_len);
    }
    uint8_t pad[64], inner[32];
    for (int i = 0; i < 64; i++) pad[i] = k0[i] ^ 0x36;
    sha256_init(&ctx);
    sha256_update(&ctx, pad, 64);
    sha256_update(&ctx, msg, msg_len);
    sha256_final(&ctx, inner);
    for (int i = 0; i < 64; i++) pad[i] = k0[i] ^ 0x5c;
    sha256_init(&ctx);
    sha256_update(&ctx, pad, 64);
    sha256_update(&ctx, inner, 32);
    sha256_final(&ctx, out);
}

static int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static void print_invalid(const char *reason) {
    printf("{\"valid\":false,\"reason\":");
    wl_json_string(stdout, reason, strlen(reason));
    printf("}\n");
}

int main(void) {
    const char *key = getenv("AUTH_KEY");
    if (key == NULL || key[0] == '\0') wl_fail("AUTH_KEY is not set: the function has no key to check tokens with");
    long long rounds = wl_env_int("AUTH_ROUNDS", 1, 1, 1000000);

    wl_body token = wl_read_stdin(1 << 20);
    wl_trim(&token);
    if (token.len == 0) {
        print_invalid("empty token");
        return 0;
    }
    char *dot = NULL;
    for (size_t i = token.len; i > 0; i--)
        if (token.data[i - 1] == '.') { dot = token.data + i - 1; break; }
    if (dot == NULL) {
        print_invalid("malformed token: no '.' before the signature");
        return 0;
    }
    size_t payload_len = (size_t)(dot - token.data);
    const char *sig_hex = dot + 1;
    size_t sig_hex_len = token.len - payload_len - 1;
    uint8_t presented[32];
    int well_formed = sig_hex_len == 64;
    for (size_t i = 0; well_formed && i < 32; i++) {
        int hi = hex_value(sig_hex[2 * i]), lo = hex_value(sig_hex[2 * i + 1]);
        if (hi < 0 || lo < 0) well_formed = 0;
        else presented[i] = (uint8_t)(hi << 4 | lo);
    }
    if (!well_formed) {
        print_invalid("malformed token: the signature must be 64 hex digits");
        return 0;
    }

    uint8_t mac[32];
    for (long long r = 0; r < rounds; r++)
        hmac_sha256((const uint8_t *)key, strlen(key), (const uint8_t *)token.data, payload_len, mac);

    /* Compare every byte so the time taken does not reveal where the first difference is. */
    uint8_t diff = 0;
    for (int i = 0; i < 32; i++) diff |= mac[i] ^ presented[i];
    if (diff != 0) {
        print_invalid("signature mismatch");
        return 0;
    }
    printf("{\"valid\":true,\"payload\":");
    wl_json_string(stdout, token.data, payload_len);
    printf(",\"alg\":\"HS256\"}\n");
    return 0;
}
