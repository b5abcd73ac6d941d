/*
 * string-validate: checks user-supplied strings against input rules, the validation step a web
 * function runs on a form or an API payload before it touches anything else.
 *
 * stdin:  one candidate per line (a trailing '\r' is dropped; blank lines are skipped).
 * env:    VALIDATE_KIND (default "auto"): "email", "username", "json", or "auto", which picks
 *         per line: json if it starts with '{' or '[', email if it holds an '@', else username.
 * stdout: {"results":[{"line":1,"kind":"email","valid":true},
 *          {"line":2,"kind":"username","valid":false,"error":"..."},...],"checked":N,"valid":M}
 *         ("line" counts every line of the body, blank ones included).
 * exit:   0 whatever the verdicts; 2 on a bad VALIDATE_KIND.
 *
 * Rules:
 *   email    RFC 5321/5322 dot-atom subset: one '@'; local part 1-64 characters of atext
 *            (letters, digits, !#$%&'*+-/=?^_`{|}~) and dots, no leading, trailing or doubled
 *            dot; domain at most 253 characters, two or more labels of letters, digits and
 *            hyphens, 1-63 characters each, no label starting or ending with a hyphen, the
 *            last label letters only and at least 2 long; whole address at most 254 characters.
 *   username 3-32 characters; an ASCII letter first; then letters, digits, '_', '-', '.';
 *            no two of '_', '-', '.' in a row and none last; not a reserved name.
 *   json     one RFC 8259 JSON text per line: objects, arrays, strings (escapes checked,
 *            valid UTF-8, no raw control characters), numbers, true/false/null, nesting at
 *            most 64 deep, nothing but white space after the value.
 */
#include "workload.h"

enum kind { KIND_AUTO, KIND_EMAIL, KIND_USERNAME, KIND_JSON };
static const char *const KIND_NAMES[] = {"auto", "email", "username", "json"};

/* ---- email ---- */

static int is_atext(unsigned char c) {
    return isalnum(c) || (c != '\0' && strchr("!#$%&'*+-/=?^_`{|}~", c) != NULL);
}

static const char *check_email(const char *s, size_t len) {
    if (len > 254) return "address longer than 254 characters";
    const char *at = memchr(s, '@', len);
    if (at == NULL) return "missing '@'";
    if (memchr(at + 1, '@', len - (size_t)(at - s) - 1) != NULL) return "more than one '@'";
    size_t local_len = (size_t)(at - s);
    if (local_len == 0) return "empty local part";
    if (local_len > 64) return "local part longer than 64 characters";
    if (s[0] == '.' || s[local_len - 1] == '.') return "local part starts or ends with '.'";
    for (size_t i = 0; i < local_len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '.') {
            if (s[i + 1] == '.') return "local part has consecutive dots";
        } else if (!is_atext(c)) {
            return "local part has a character that is not allowed";
        }
    }
    const char *domain = at + 1;
    size_t domain_len = len - local_len - 1;
    if (domain_len == 0) return "empty domain";
    if (domain_len > 253) return "domain longer than 253 characters";
    size_t labels = 0, start = 0;
    for (size_t i = 0; i <= domain_len; i++) {
        if (i < domain_len && domain[i] != '.') {
            unsigned char c = (unsigned char)domain[i];
            if (!isalnum(c) && c != '-') return "domain has a character that is not allowed";
            continue;
        }
        size_t label_len = i - start;
        if (label_len == 0) return "domain has an empty label";
        if (label_len > 63) return "domain label longer than 63 characters";
        if (domain[start] == '-' || domain[i - 1] == '-') return "domain label starts or ends with '-'";
        labels++;
        if (i == domain_len) {
            if (label_len < 2) return "top-level domain shorter than 2 letters";
            for (size_t j = start; j < i; j++)
                if (!isalpha((unsigned char)domain[j])) return "top-level domain is not all letters";
        }
        start = i + 1;
    }
    if (labels < 2) return "domain needs at least two labels";
    return NULL;
}

/* ---- username ---- */

static const char *const RESERVED[] = {"admin", "administrator", "root", "system", "support", "null"};

static const char *check_username(const char *s, size_t len) {
    if (len < 3) return "shorter than 3 characters";
    if (len > 32) return "longer than 32 characters";
    if (!isalpha((unsigned char)s[0]) || (unsigned char)s[0] >= 0x80) return "does not start with a letter";
    for (size_t i = 1; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        int sep = c == '_' || c == '-' || c == '.';
        if (!sep && !isalnum(c)) return "has a character other than letters, digits, '_', '-', '.'";
        if (sep && strchr("_-.", s[i - 1]) != NULL) return "has two separators in a row";
    }
    if (strchr("_-.", s[len - 1]) != NULL) return "ends with a separator";
    for (size_t r = 0; r < sizeof RESERVED / sizeof RESERVED[0]; r++) {
        if (strlen(RESERVED[r]) != len) continue;
        size_t i = 0;
        while (i < len && tolower((unsigned char)s[i]) == RESERVED[r][i]) i++;
        if (i == len) return "is a reserved name";
    }
    return NULL;
}

/* ---- JSON (RFC 8259) ---- */

typedef struct {
    const char *s;
    size_t len, pos;
    const char *error;
    char message[96];
} json_parser;

static int json_fail(json_parser *p, const char *what) {
    if (p->error == NULL) {
        snprintf(p->message, sizeof p->message, "%s at offset %zu", what, p->pos);
        p->error = p->message;
    }
    return 0;
}

static void json_ws(json_parser *p) {
    while (p->pos < p->len && strchr(" \t\n\r", p->s[p->pos]) != NULL && p->s[p->pos] != '\0') p->pos++;
}

static int json_peek(const json_parser *p) { return p->pos < p->len ? (unsigned char)p->s[p->pos] : -1; }

/* One UTF-8 sequence (RFC 3629 section 4): no overlongs, no surrogates, at most U+10FFFF. */
static int json_utf8(json_parser *p) {
    const unsigned char *u = (const unsigned char *)p->s + p->pos;
    size_t left = p->len - p->pos;
    unsigned char c = u[0];
    size_t n;
    unsigned lo = 0x80, hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) n = 2;
    else if (c >= 0xe0 && c <= 0xef) {
        n = 3;
        if (c == 0xe0) lo = 0xa0;
        if (c == 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
        n = 4;
        if (c == 0xf0) lo = 0x90;
        if (c == 0xf4) hi = 0x8f;
    } else return json_fail(p, "invalid UTF-8");
    if (left < n) return json_fail(p, "truncated UTF-8");
    if (u[1] < lo || u[1] > hi) return json_fail(p, "invalid UTF-8");
    for (size_t i = 2; i < n; i++)
        if (u[i] < 0x80 || u[i] > 0xbf) return json_fail(p, "invalid UTF-8");
    p->pos += n;
    return 1;
}

static int json_string(json_parser *p) {
    p->pos++; /* opening quote */
    for (;;) {
        int c = json_peek(p);
        if (c < 0) return json_fail(p, "unterminated string");
        if (c == '"') { p->pos++; return 1; }
        if (c < 0x20) return json_fail(p, "control character in string");
        if (c == '\\') {
            p->pos++;
            c = json_peek(p);
            if (c == 'u') {
                for (int i = 1; i <= 4; i++)
                    if (p->pos + i >= p->len || !isxdigit((unsigned char)p->s[p->pos + i]))
                        return json_fail(p, "bad \\u escape");
                p->pos += 5;
            } else if (c >= 0 && strchr("\"\\/bfnrt", c) != NULL && c != 0) {
                p->pos++;
            } else {
                return json_fail(p, "bad escape");
            }
        } else if (c >= 0x80) {
            if (!json_utf8(p)) return 0;
        } else {
            p->pos++;
        }
    }
}

static int json_digits(json_parser *p) {
    size_t start = p->pos;
    while (p->pos < p->len && isdigit((unsigned char)p->s[p->pos])) p->pos++;
    return p->pos > start;
}

/* number = [ minus ] int [ frac ] [ exp ]; int = zero / ( digit1-9 *DIGIT ) */
static int json_number(json_parser *p) {
    if (json_peek(p) == '-') p->pos++;
    if (json_peek(p) == '0') {
        p->pos++;
        if (isdigit(json_peek(p))) return json_fail(p, "leading zero in number");
    } else if (!json_digits(p)) {
        return json_fail(p, "bad number");
    }
    if (json_peek(p) == '.') {
        p->pos++;
        if (!json_digits(p)) return json_fail(p, "no digits after the decimal point");
    }
    if (json_peek(p) == 'e' || json_peek(p) == 'E') {
        p->pos++;
        if (json_peek(p) == '+' || json_peek(p) == '-') p->pos++;
        if (!json_digits(p)) return json_fail(p, "no digits in the exponent");
    }
    return 1;
}

static int json_literal(json_parser *p, const char *word) {
    size_t n = strlen(word);
    if (p->len - p->pos < n || memcmp(p->s + p->pos, word, n) != 0) return json_fail(p, "unexpected character");
    p->pos += n;
    return 1;
}

static int json_value(json_parser *p, int depth) {
    json_ws(p);
    int c = json_peek(p);
    if (c == '{' || c == '[') {
        if (depth >= 64) return json_fail(p, "nesting deeper than 64");
        int object = c == '{';
        int close = object ? '}' : ']';
        p->pos++;
        json_ws(p);
        if (json_peek(p) == close) { p->pos++; return 1; }
        for (;;) {
            if (object) {
                json_ws(p);
                if (json_peek(p) != '"') return json_fail(p, "expected a member name");
                if (!json_string(p)) return 0;
                json_ws(p);
                if (json_peek(p) != ':') return json_fail(p, "expected ':'");
                p->pos++;
            }
            if (!json_value(p, depth + 1)) return 0;
            json_ws(p);
            c = json_peek(p);
            if (c == ',') { p->pos++; continue; }
            if (c == close) { p->pos++; return 1; }
            return json_fail(p, object ? "expected ',' or '}'" : "expected ',' or ']'");
        }
    }
    if (c == '"') return json_string(p);
    if (c == '-' || (c >= '0' && c <= '9')) return json_number(p);
    if (c == 't') return json_literal(p, "true");
    if (c == 'f') return json_literal(p, "false");
    if (c == 'n') return json_literal(p, "null");
    if (c < 0) return json_fail(p, "unexpected end of input");
    return json_fail(p, "unexpected character");
}

static const char *check_json(const char *s, size_t len, json_parser *p) {
    p->s = s;
    p->len = len;
    p->pos = 0;
    p->error = NULL;
    if (json_value(p, 0)) {
        json_ws(p);
        if (p->pos != len) json_fail(p, "trailing characters after the value");
    }
    return p->error;
}

int main(void) {
    enum kind kind = KIND_AUTO;
    const char *kind_env = getenv("VALIDATE_KIND");
    if (kind_env != NULL && kind_env[0] != '\0') {
        int found = 0;
        for (int k = 0; k < 4; k++)
            if (strcmp(kind_env, KIND_NAMES[k]) == 0) { kind = (enum kind)k; found = 1; }
        if (!found) wl_fail("VALIDATE_KIND must be auto, email, username or json, got \"%s\"", kind_env);
    }

    wl_body body = wl_read_stdin(1 << 20);
    long checked = 0, valid = 0, line_no = 0;
    json_parser parser;
    printf("{\"results\":[");
    size_t pos = 0;
    while (pos < body.len) {
        const char *line = body.data + pos;
        const char *nl = memchr(line, '\n', body.len - pos);
        size_t len = nl != NULL ? (size_t)(nl - line) : body.len - pos;
        pos += len + (nl != NULL ? 1 : 0);
        line_no++;
        if (len > 0 && line[len - 1] == '\r') len--;
        if (len == 0) continue;

        enum kind k = kind;
        if (k == KIND_AUTO) {
            if (line[0] == '{' || line[0] == '[') k = KIND_JSON;
            else if (memchr(line, '@', len) != NULL) k = KIND_EMAIL;
            else k = KIND_USERNAME;
        }
        const char *error = k == KIND_EMAIL ? check_email(line, len)
                            : k == KIND_USERNAME ? check_username(line, len)
                                                 : check_json(line, len, &parser);
        printf("%s{\"line\":%ld,\"kind\":\"%s\",\"valid\":%s", checked > 0 ? "," : "", line_no,
               KIND_NAMES[k], error == NULL ? "true" : "false");
        if (error != NULL) {
            printf(",\"error\":");
            wl_json_string(stdout, error, strlen(error));
        }
        printf("}");
        checked++;
        if (error == NULL) valid++;
    }
    printf("],\"checked\":%ld,\"valid\":%ld}\n", checked, valid);
    return 0;
}
