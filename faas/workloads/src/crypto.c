/*
 * crypto: MD5 and AES-128 over a buffer, after SunSpider's crypto-md5 and crypto-aes (which
 * hash a text and encrypt then decrypt it with AES in counter mode).
 *
 * stdin:  the seed text; the buffer is CRYPTO_BYTES long, filled by repeating it. An empty body
 *         uses SunSpider's Romeo and Juliet line.
 * env:    CRYPTO_BYTES (default 4096) buffer length; CRYPTO_KEY (32 hex digits, default the
 *         FIPS-197 / SP 800-38A key 2b7e1516...) and CRYPTO_IV (32 hex digits, default the
 *         SP 800-38A F.5.1 initial counter block f0f1...feff).
 * stdout: {"bytes":N,"md5":"<MD5 of the buffer>","aes128ctr_md5":"<MD5 of the ciphertext>",
 *          "aes128ctr_head":"<first 16 ciphertext bytes>","roundtrip":true|false}
 * exit:   0; 2 on a malformed parameter.
 *
 * MD5 follows RFC 1321; AES-128 follows FIPS 197; CTR mode follows NIST SP 800-38A section 6.5
 * with the standard incrementing function over the whole 128-bit counter block (appendix B.1).
 */
#include "workload.h"

static const char DEFAULT_TEXT[] =
    "ROMEO: But, soft! what light through yonder window breaks? It is the east, and Juliet is the sun.\n";

/* ---- MD5 (RFC 1321) ---- */

typedef struct {
    uint32_t s[4];
    uint8_t block[64];
    size_t block_len;
    uint64_t total_len;
} md5_ctx;

static const uint32_t MD5_T[64] = {
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
};
static const uint8_t MD5_R[64] = {
    7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
    5, 9,  14, 20, 5, 9,  14, 20, 5, 9,  14, 20, 5, 9,  14, 20,
    4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
    6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
};

static void md5_compress(uint32_t s[4], const uint8_t block[64]) {
    uint32_t x[16];
    for (int i = 0; i < 16; i++)
        x[i] = block[4 * i] | (uint32_t)block[4 * i + 1] << 8 | (uint32_t)block[4 * i + 2] << 16 |
               (uint32_t)block[4 * i + 3] << 24;
    uint32_t a = s[0], b = s[1], c = s[2], d = s[3];
    for (int i = 0; i < 64; i++) {
        uint32_t f;
        int g;
        if (i < 16) { f = (b & c) | (~b & d); g = i; }
        else if (i < 32) { f = (d & b) | (~d & c); g = (5 * i + 1) & 15; }
        else if (i < 48) { f = b ^ c ^ d; g = (3 * i + 5) & 15; }
        else { f = c ^ (b | ~d); g = (7 * i) & 15; }
        uint32_t t = a + f + MD5_T[i] + x[g];
        a = d; d = c; c = b;
        b = b + ((t << MD5_R[i]) | (t >> (32 - MD5_R[i])));
    }
    s[0] += a; s[1] += b; s[2] += c; s[3] += d;
}

static void md5_init(md5_ctx *ctx) {
    ctx->s[0] = 0x67452301; ctx->s[1] = 0xefcdab89; ctx->s[2] = 0x98badcfe; ctx->s[3] = 0x10325476;
    ctx->block_len = 0;
    ctx->total_len = 0;
}

static void md5_update(md5_ctx *ctx, const uint8_t *data, size_t len) {
    ctx->total_len += len;
    while (len > 0) {
        size_t take = 64 - ctx->block_len;
        if (take > len) take = len;
        memcpy(ctx->block + ctx->block_len, data, take);
        ctx->block_len += take;
        data += take;
        len -= take;
        if (ctx->block_len == 64) {
            md5_compress(ctx->s, ctx->block);
            ctx->block_len = 0;
        }
    }
}

static void md5_final(md5_ctx *ctx, uint8_t out[16]) {
    uint64_t bits = ctx->total_len * 8;
    uint8_t pad = 0x80;
    md5_update(ctx, &pad, 1);
    pad = 0;
    while (ctx->block_len != 56) md5_update(ctx, &pad, 1);
    uint8_t len_le[8];
    for (int i = 0; i < 8; i++) len_le[i] = (uint8_t)(bits >> (8 * i));
    md5_update(ctx, len_le, 8);
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++) out[4 * i + j] = (uint8_t)(ctx->s[i] >> (8 * j));
}

static void md5(const uint8_t *data, size_t len, uint8_t out[16]) {
    md5_ctx ctx;
    md5_init(&ctx);
    md5_update(&ctx, data, len);
    md5_final(&ctx, out);
}

/* ---- AES-128 encryption (FIPS 197) ---- */

static const uint8_t SBOX[256] = {
    0x63, 0x7c, 0x77, 0x7b, 0xf2, 0x6b, 0x6f, 0xc5, 0x30, 0x01, 0x67, 0x2b, 0xfe, 0xd7, 0xab, 0x76,
    0xca, 0x82, 0xc9, 0x7d, 0xfa, 0x59, 0x47, 0xf0, 0xad, 0xd4, 0xa2, 0xaf, 0x9c, 0xa4, 0x72, 0xc0,
    0xb7, 0xfd, 0x93, 0x26, 0x36, 0x3f, 0xf7, 0xcc, 0x34, 0xa5, 0xe5, 0xf1, 0x71, 0xd8, 0x31, 0x15,
    0x04, 0xc7, 0x23, 0xc3, 0x18, 0x96, 0x05, 0x9a, 0x07, 0x12, 0x80, 0xe2, 0xeb, 0x27, 0xb2, 0x75,
    0x09, 0x83, 0x2c, 0x1a, 0x1b, 0x6e, 0x5a, 0xa0, 0x52, 0x3b, 0xd6, 0xb3, 0x29, 0xe3, 0x2f, 0x84,
    0x53, 0xd1, 0x00, 0xed, 0x20, 0xfc, 0xb1, 0x5b, 0x6a, 0xcb, 0xbe, 0x39, 0x4a, 0x4c, 0x58, 0xcf,
    0xd0, 0xef, 0xaa, 0xfb, 0x43, 0x4d, 0x33, 0x85, 0x45, 0xf9, 0x02, 0x7f, 0x50, 0x3c, 0x9f, 0xa8,
    0x51, 0xa3, 0x40, 0x8f, 0x92, 0x9d, 0x38, 0xf5, 0xbc, 0xb6, 0xda, 0x21, 0x10, 0xff, 0xf3, 0xd2,
    0xcd, 0x0c, 0x13, 0xec, 0x5f, 0x97, 0x44, 0x17, 0xc4, 0xa7, 0x7e, 0x3d, 0x64, 0x5d, 0x19, 0x73,
    0x60, 0x81, 0x4f, 0xdc, 0x22, 0x2a, 0x90, 0x88, 0x46, 0xee, 0xb8, 0x14, 0xde, 0x5e, 0x0b, 0xdb,
    0xe0, 0x32, 0x3a, 0x0a, 0x49, 0x06, 0x24, 0x5c, 0xc2, 0xd3, 0xac, 0x62, 0x91, 0x95, 0xe4, 0x79,
    0xe7, 0xc8, 0x37, 0x6d, 0x8d, 0xd5, 0x4e, 0xa9, 0x6c, 0x56, 0xf4, 0xea, 0x65, 0x7a, 0xae, 0x08,
    0xba, 0x78, 0x25, 0x2e, 0x1c, 0xa6, 0xb4, 0xc6, 0xe8, 0xdd, 0x74, 0x1f, 0x4b, 0xbd, 0x8b, 0x8a,
    0x70, 0x3e, 0xb5, 0x66, 0x48, 0x03, 0xf6, 0x0e, 0x61, 0x35, 0x57, 0xb9, 0x86, 0xc1, 0x1d, 0x9e,
    0xe1, 0xf8, 0x98, 0x11, 0x69, 0xd9, 0x8e, 0x94, 0x9b, 0x1e, 0x87, 0xe9, 0xce, 0x55, 0x28, 0xdf,
    0x8c, 0xa1, 0x89, 0x0d, 0xbf, 0xe6, 0x42, 0x68, 0x41, 0x99, 0x2d, 0x0f, 0xb0, 0x54, 0xbb, 0x16,
};

static uint8_t xtime(uint8_t x) { return (uint8_t)((x << 1) ^ ((x >> 7) * 0x1b)); }

/* KeyExpansion, FIPS 197 section 5.2: 11 round keys of 16 bytes. */
static void aes128_expand(const uint8_t key[16], uint8_t rk[176]) {
    memcpy(rk, key, 16);
    uint8_t rcon = 1;
    for (int i = 16; i < 176; i += 4) {
        uint8_t t[4] = {rk[i - 4], rk[i - 3], rk[i - 2], rk[i - 1]};
        if (i % 16 == 0) {
            uint8_t first = t[0];
            t[0] = SBOX[t[1]] ^ rcon;
            t[1] = SBOX[t[2]];
            t[2] = SBOX[t[3]];
            t[3] = SBOX[first];
            rcon = xtime(rcon);
        }
        for (int j = 0; j < 4; j++) rk[i + j] = rk[i - 16 + j] ^ t[j];
    }
}

/* Cipher, FIPS 197 section 5.1; the state is column-major as in the standard. */
static void aes128_encrypt_block(const uint8_t rk[176], const uint8_t in[16], uint8_t out[16]) {
    uint8_t s[16];
    for (int i = 0; i < 16; i++) s[i] = in[i] ^ rk[i];
    for (int round = 1; round <= 10; round++) {
        uint8_t t[16];
        /* SubBytes and ShiftRows: row r of column c comes from column c + r. */
        for (int c = 0; c < 4; c++)
            for (int r = 0; r < 4; r++) t[4 * c + r] = SBOX[s[4 * ((c + r) % 4) + r]];
        if (round != 10) {
            /* MixColumns */
            for (int c = 0; c < 4; c++) {
                uint8_t *col = t + 4 * c;
                uint8_t a0 = col[0], a1 = col[1], a2 = col[2], a3 = col[3];
                uint8_t all = a0 ^ a1 ^ a2 ^ a3;
                col[0] ^= all ^ xtime(a0 ^ a1);
                col[1] ^= all ^ xtime(a1 ^ a2);
                col[2] ^= all ^ xtime(a2 ^ a3);
                col[3] ^= all ^ xtime(a3 ^ a0);
            }
        }
        for (int i = 0; i < 16; i++) s[i] = t[i] ^ rk[16 * round + i];
    }
    memcpy(out, s, 16);
}

/* CTR mode (SP 800-38A 6.5); encryption and decryption are the same operation. */
static void aes128_ctr(const uint8_t rk[176], const uint8_t iv[16], const uint8_t *in, uint8_t *out,
                       size_t len) {
    uint8_t counter[16], stream[16];
    memcpy(counter, iv, 16);
    for (size_t off = 0; off < len; off += 16) {
        aes128_encrypt_block(rk, counter, stream);
        size_t n = len - off < 16 ? len - off : 16;
        for (size_t i = 0; i < n; i++) out[off + i] = in[off + i] ^ stream[i];
        for (int i = 15; i >= 0 && ++counter[i] == 0; i--) {
        }
    }
}

static void parse_hex16(const char *env_name, const char *def, uint8_t out[16]) {
    const char *text = getenv(env_name);
    if (text == NULL || text[0] == '\0') text = def;
    if (strlen(text) != 32) wl_fail("%s must be 32 hex digits (16 bytes), got \"%s\"", env_name, text);
    for (int i = 0; i < 16; i++) {
        unsigned v;
        if (!isxdigit((unsigned char)text[2 * i]) || !isxdigit((unsigned char)text[2 * i + 1]) ||
            sscanf(text + 2 * i, "%2x", &v) != 1)
            wl_fail("%s must be 32 hex digits (16 bytes), got \"%s\"", env_name, text);
        out[i] = (uint8_t)v;
    }
}

int main(void) {
    long long size = wl_env_int("CRYPTO_BYTES", 4096, 1, 16 << 20);
    uint8_t key[16], iv[16];
    parse_hex16("CRYPTO_KEY", "2b7e151628aed2a6abf7158809cf4f3c", key);
    parse_hex16("CRYPTO_IV", "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff", iv);

    wl_body body = wl_read_stdin(1 << 20);
    const char *seed = body.len > 0 ? body.data : DEFAULT_TEXT;
    size_t seed_len = body.len > 0 ? body.len : sizeof DEFAULT_TEXT - 1;

    uint8_t *plain = malloc((size_t)size), *cipher = malloc((size_t)size), *back = malloc((size_t)size);
    if (plain == NULL || cipher == NULL || back == NULL) wl_fail("out of memory for %lld bytes", size);
    for (size_t i = 0; i < (size_t)size; i++) plain[i] = (uint8_t)seed[i % seed_len];

    uint8_t digest[16], cipher_digest[16], rk[176];
    md5(plain, (size_t)size, digest);
    aes128_expand(key, rk);
    aes128_ctr(rk, iv, plain, cipher, (size_t)size);
    md5(cipher, (size_t)size, cipher_digest);
    aes128_ctr(rk, iv, cipher, back, (size_t)size);
    int roundtrip = memcmp(plain, back, (size_t)size) == 0;

    printf("{\"bytes\":%lld,\"md5\":\"", size);
    wl_hex(stdout, digest, 16);
    printf("\",\"aes128ctr_md5\":\"");
    wl_hex(stdout, cipher_digest, 16);
    printf("\",\"aes128ctr_head\":\"");
    wl_hex(stdout, cipher, (size_t)size < 16 ? (size_t)size : 16);
    printf("\",\"roundtrip\":%s}\n", roundtrip ? "true" : "false");
    return 0;
}
