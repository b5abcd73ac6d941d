/*
 * dynamic-html: renders an HTML page from a template, like the SeBS 110.dynamic-html benchmark
 * (a Jinja2 page greeting a user and listing random numbers), with a small Mustache-style
 * template engine: {{name}} inserts a value HTML-escaped, {{#list}}...{{/list}} repeats its
 * body for each element of a list, and {{.}} inside it is the current element.
 *
 * stdin:  an application/x-www-form-urlencoded body, e.g. "username=alice&count=20&seed=7";
 *         keys: username (default "anonymous"), count, seed, time (the "generated at" text;
 *         when absent the WASI realtime clock is used, so pass it for a reproducible page).
 *         Unknown keys are ignored.
 * env:    HTML_COUNT (default 100) and HTML_SEED (default 42) when the body does not set them.
 * stdout: the rendered page.
 * exit:   0; 2 on a malformed parameter.
 */
#include "workload.h"

#include <time.h>

static const char TEMPLATE[] =
    "<!DOCTYPE html>\n"
    "<html>\n"
    "  <head>\n"
    "    <title>Randomly generated data.</title>\n"
    "    <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    "    <style type=\"text/css\">\n"
    "      .container { max-width: 500px; padding-top: 100px; }\n"
    "    </style>\n"
    "  </head>\n"
    "  <body>\n"
    "    <div class=\"container\">\n"
    "      <p>Welcome {{username}}!</p>\n"
    "      <p>Data generated at: {{cur_time}}!</p>\n"
    "      <p>Requested random numbers ({{count}}):</p>\n"
    "      <ul>\n"
    "{{#random_numbers}}"
    "        <li>{{.}}</li>\n"
    "{{/random_numbers}}"
    "      </ul>\n"
    "    </div>\n"
    "  </body>\n"
    "</html>\n";

typedef struct {
    const char *username;
    const char *cur_time;
    char count_text[24];
    long long *numbers;
    long long count;
} page_values;

static void put_escaped(const char *s) {
    for (; *s != '\0'; s++) {
        switch (*s) {
            case '&': fputs("&amp;", stdout); break;
            case '<': fputs("&lt;", stdout); break;
            case '>': fputs("&gt;", stdout); break;
            case '"': fputs("&quot;", stdout); break;
            case '\'': fputs("&#39;", stdout); break;
            default: putchar(*s);
        }
    }
}

static const char *scalar(const page_values *v, const char *name, size_t len) {
    if (len == 8 && memcmp(name, "username", 8) == 0) return v->username;
    if (len == 8 && memcmp(name, "cur_time", 8) == 0) return v->cur_time;
    if (len == 5 && memcmp(name, "count", 5) == 0) return v->count_text;
    return NULL;
}

/*
 * Renders tpl[0..len). `item` is the current list element inside a section (NULL outside).
 * The template is ours, so a malformed tag is a programming error: it aborts with a message.
 */
static void render(const char *tpl, size_t len, const page_values *v, const char *item) {
    size_t i = 0;
    while (i < len) {
        const char *open = strstr(tpl + i, "{{");
        if (open == NULL || (size_t)(open - tpl) >= len) {
            fwrite(tpl + i, 1, len - i, stdout);
            return;
        }
        fwrite(tpl + i, 1, (size_t)(open - tpl) - i, stdout);
        const char *close = strstr(open, "}}");
        if (close == NULL) wl_fail("template error: unclosed tag");
        const char *name = open + 2;
        size_t name_len = (size_t)(close - name);
        i = (size_t)(close - tpl) + 2;
        if (name_len > 0 && name[0] == '#') {
            char end_tag[64];
            snprintf(end_tag, sizeof end_tag, "{{/%.*s}}", (int)(name_len - 1), name + 1);
            const char *end = strstr(tpl + i, end_tag);
            if (end == NULL) wl_fail("template error: section %.*s is not closed", (int)name_len, name);
            if (name_len - 1 != 14 || memcmp(name + 1, "random_numbers", 14) != 0)
                wl_fail("template error: unknown list %.*s", (int)name_len - 1, name + 1);
            char text[24];
            for (long long k = 0; k < v->count; k++) {
                snprintf(text, sizeof text, "%lld", v->numbers[k]);
                render(tpl + i, (size_t)(end - tpl) - i, v, text);
            }
            i = (size_t)(end - tpl) + strlen(end_tag);
        } else if (name_len == 1 && name[0] == '.') {
            if (item == NULL) wl_fail("template error: {{.}} outside a section");
            put_escaped(item);
        } else {
            const char *value = scalar(v, name, name_len);
            if (value == NULL) wl_fail("template error: unknown value %.*s", (int)name_len, name);
            put_escaped(value);
        }
    }
}

static int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Decodes a form component in place ('+' is a space, %XX a byte); HTML 4.01 section 17.13.4. */
static void form_decode(char *s) {
    char *out = s;
    for (char *in = s; *in != '\0'; in++) {
        if (*in == '+') {
            *out++ = ' ';
        } else if (*in == '%' && hex_digit(in[1]) >= 0 && hex_digit(in[2]) >= 0) {
            *out++ = (char)(hex_digit(in[1]) << 4 | hex_digit(in[2]));
            in += 2;
        } else {
            *out++ = *in;
        }
    }
    *out = '\0';
}

/* splitmix64 (Steele, Lea, Flood 2014): a small seeded generator, the same on every runtime. */
static uint64_t splitmix64(uint64_t *state) {
    uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

int main(void) {
    wl_body body = wl_read_stdin(1 << 16);
    wl_trim(&body);

    const char *username = "anonymous";
    const char *count_text = NULL, *seed_text = NULL, *time_text = NULL;
    char *save = NULL;
    for (char *pair = strtok_r(body.data, "&", &save); pair != NULL; pair = strtok_r(NULL, "&", &save)) {
        char *eq = strchr(pair, '=');
        char *value = "";
        if (eq != NULL) {
            *eq = '\0';
            value = eq + 1;
        }
        form_decode(pair);
        form_decode(value);
        if (strcmp(pair, "username") == 0 && value[0] != '\0') username = value;
        else if (strcmp(pair, "count") == 0) count_text = value;
        else if (strcmp(pair, "seed") == 0) seed_text = value;
        else if (strcmp(pair, "time") == 0) time_text = value;
    }

    page_values v;
    v.username = username;
    v.count = count_text != NULL ? wl_parse_int(count_text, "count", 0, 100000)
                                 : wl_env_int("HTML_COUNT", 100, 0, 100000);
    long long seed = seed_text != NULL ? wl_parse_int(seed_text, "seed", 0, INT64_MAX)
                                       : wl_env_int("HTML_SEED", 42, 0, INT64_MAX);
    snprintf(v.count_text, sizeof v.count_text, "%lld", v.count);

    char now[32];
    if (time_text != NULL) {
        v.cur_time = time_text;
    } else {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        struct tm tm;
        gmtime_r(&ts.tv_sec, &tm);
        strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tm);
        v.cur_time = now;
    }

    v.numbers = malloc(sizeof(long long) * (size_t)(v.count > 0 ? v.count : 1));
    if (v.numbers == NULL) wl_fail("out of memory for %lld numbers", v.count);
    uint64_t state = (uint64_t)seed;
    for (long long k = 0; k < v.count; k++) v.numbers[k] = (long long)(splitmix64(&state) % 1000000);

    render(TEMPLATE, sizeof TEMPLATE - 1, &v, NULL);
    return 0;
}
