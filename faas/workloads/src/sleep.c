/*
 * sleep: waits a given time and reports how long it waited (the SeBS 010.sleep benchmark), to
 * measure a platform's fixed per-invocation cost apart from computation.
 *
 * stdin:  the number of milliseconds, if not blank.
 * env:    SLEEP_MS (default 10) when the body is blank; SLEEP_MODE "poll" (default) waits in
 *         WASI poll_oneoff on a relative CLOCK_MONOTONIC subscription, "spin" busy-waits on
 *         clock_time_get. If the runtime answers poll_oneoff with ENOSYS or ENOTSUP the function
 *         falls back to spinning and says so in "method".
 * stdout: {"requested_ms":N,"slept_ms":X.XXX,"method":"poll_oneoff"|"spin"}; slept_ms is the
 *         monotonic time measured around the wait, so it is at least requested_ms.
 * exit:   0; 2 on a malformed parameter.
 */
#include "workload.h"

#include <wasi/api.h>

static uint64_t monotonic_ns(void) {
    __wasi_timestamp_t t;
    if (__wasi_clock_time_get(__WASI_CLOCKID_MONOTONIC, 1, &t) != 0)
        wl_fail("the runtime has no monotonic clock (clock_time_get failed)");
    return t;
}

/* One poll_oneoff call with a single relative clock subscription (WASI preview 1). */
static __wasi_errno_t poll_clock(uint64_t timeout_ns) {
    __wasi_subscription_t sub;
    memset(&sub, 0, sizeof sub);
    sub.userdata = 1;
    sub.u.tag = __WASI_EVENTTYPE_CLOCK;
    sub.u.u.clock.id = __WASI_CLOCKID_MONOTONIC;
    sub.u.u.clock.timeout = timeout_ns;
    sub.u.u.clock.precision = 0;
    sub.u.u.clock.flags = 0;
    __wasi_event_t event;
    __wasi_size_t nevents = 0;
    __wasi_errno_t err = __wasi_poll_oneoff(&sub, &event, 1, &nevents);
    if (err != 0) return err;
    if (nevents != 1 || event.type != __WASI_EVENTTYPE_CLOCK) return __WASI_ERRNO_IO;
    return event.error;
}

int main(void) {
    wl_body body = wl_read_stdin(64);
    wl_trim(&body);
    long long ms = wl_size_param(&body, "SLEEP_MS", 10, 0, 60000);
    const char *mode = getenv("SLEEP_MODE");
    int spin = 0;
    if (mode != NULL && mode[0] != '\0') {
        if (strcmp(mode, "spin") == 0) spin = 1;
        else if (strcmp(mode, "poll") != 0) wl_fail("SLEEP_MODE must be \"poll\" or \"spin\", got \"%s\"", mode);
    }

    uint64_t wanted = (uint64_t)ms * 1000000u;
    uint64_t start = monotonic_ns();
    uint64_t now = start;
    while (!spin && now - start < wanted) {
        __wasi_errno_t err = poll_clock(wanted - (now - start));
        if (err == __WASI_ERRNO_NOSYS || err == __WASI_ERRNO_NOTSUP) {
            spin = 1;
        } else if (err != 0) {
            wl_fail("poll_oneoff failed with WASI errno %u", (unsigned)err);
        }
        now = monotonic_ns();
    }
    while (now - start < wanted) now = monotonic_ns();

    uint64_t elapsed = now - start;
    printf("{\"requested_ms\":%lld,\"slept_ms\":%llu.%03llu,\"method\":\"%s\"}\n", ms,
           (unsigned long long)(elapsed / 1000000u), (unsigned long long)(elapsed / 1000u % 1000u),
           spin ? "spin" : "poll_oneoff");
    return 0;
}
