package io.teemate.kv.host;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * SLOWLOG GET/LEN/RESET/HELP (slowlog.c) and LATENCY (latency.c) on the host.
 * <p>The slow log keeps the commands that ran for slowlog-log-slower-than microseconds or more (-1: none, 0: all), at
 * most slowlog-max-len of them, newest first. A command the enclave runs is timed with the batch it went in with:
 * the engine runs a batch in one ecall and does not time its commands one by one, so each is charged the whole
 * batch's time, an upper bound, and a slow command is never missed.
 * <p>LATENCY answers as a Redis whose latency monitor saw nothing (latency-monitor-threshold 0, Redis's default):
 * no events, no samples, no per-command histograms (latency-tracking is not kept).
 */
final class SlowLog {
    /** slowlog.h SLOWLOG_ENTRY_MAX_ARGC, SLOWLOG_ENTRY_MAX_STRING. */
    private static final int MAX_ARGC = 32;

    private static final int MAX_STRING = 128;

    private record Entry(long id, long time, long micros, List<byte[]> argv, String peer, String name) {}

    private final KvConfig config;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private long nextId;

    SlowLog(KvConfig config) {
        this.config = config;
    }

    /** slowlogPushEntryIfNeeded: logs the command if it ran long enough; trims the log to its length. */
    void record(ClientState c, String name, List<byte[]> argv, long micros) {
        long threshold = config.slowlogLogSlowerThan();
        if (threshold < 0 || micros < threshold || name.equals("exec")) { // EXEC is CMD_SKIP_SLOWLOG
            return;
        }
        List<byte[]> shown = Monitor.redacted(argv);
        int argc = Math.min(shown.size(), MAX_ARGC);
        List<byte[]> kept = new ArrayList<>(argc);
        for (int i = 0; i < argc; i++) {
            byte[] a = shown.get(i);
            if (argc != shown.size() && i == argc - 1) {
                a = ("... (" + (shown.size() - argc + 1) + " more arguments)").getBytes(StandardCharsets.US_ASCII);
            } else if (a.length > MAX_STRING) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                b.write(a, 0, MAX_STRING);
                b.writeBytes(("... (" + (a.length - MAX_STRING) + " more bytes)").getBytes(StandardCharsets.US_ASCII));
                a = b.toByteArray();
            }
            kept.add(a);
        }
        String name0 = c instanceof ServerCommands.Client sc && sc.name != null ? sc.name : "";
        entries.addFirst(new Entry(
                nextId++, System.currentTimeMillis() / 1000, micros, kept, c.link == null ? "" : c.link.addr(), name0));
        trim();
    }

    private void trim() {
        while (entries.size() > config.slowlogMaxLen()) {
            entries.removeLast();
        }
    }

    /** SLOWLOG subcommand [count]. */
    byte[] slowlog(List<byte[]> argv) {
        String sub = lower(argv.get(1));
        int n = argv.size();
        trim(); // a CONFIG SET of slowlog-max-len applies from the next entry in Redis; the log never shows more
        switch (sub) {
            case "get" -> {
                if (n > 3) {
                    return syntax(ServerCommands.text(argv.get(1)));
                }
                long count = 10;
                if (n == 3) {
                    Long v = ClientCommands.strictLong(argv.get(2));
                    if (v == null || v < -1) {
                        return Resp.error("ERR count should be greater than or equal to -1");
                    }
                    count = v == -1 ? Long.MAX_VALUE : v;
                }
                List<Entry> shown = new ArrayList<>();
                for (Entry e : entries) {
                    if (shown.size() >= count) {
                        break;
                    }
                    shown.add(e);
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.writeBytes(("*" + shown.size() + "\r\n").getBytes(StandardCharsets.US_ASCII));
                for (Entry e : shown) {
                    out.writeBytes("*6\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.writeBytes(Resp.integer(e.id));
                    out.writeBytes(Resp.integer(e.time));
                    out.writeBytes(Resp.integer(e.micros));
                    out.writeBytes(Resp.array(e.argv));
                    out.writeBytes(Resp.bulk(e.peer));
                    out.writeBytes(Resp.bulk(e.name));
                }
                return out.toByteArray();
            }
            case "len" -> {
                return n != 2 ? wrongArgs("slowlog|len") : Resp.integer(entries.size());
            }
            case "reset" -> {
                if (n != 2) {
                    return wrongArgs("slowlog|reset");
                }
                entries.clear();
                return Resp.simple("OK");
            }
            case "help" -> {
                return n != 2 ? wrongArgs("slowlog|help") : ClientCommands.help(SLOWLOG_HELP);
            }
            default -> {
                return Resp.error(
                        "ERR unknown subcommand '" + ServerCommands.text(argv.get(1)) + "'. Try SLOWLOG HELP.");
            }
        }
    }

    /** LATENCY subcommand [args]: nothing was ever observed. */
    static byte[] latency(List<byte[]> argv) {
        String sub = lower(argv.get(1));
        int n = argv.size();
        switch (sub) {
            case "latest" -> {
                return n != 2 ? wrongArgs("latency|latest") : Resp.array(List.of());
            }
            case "reset" -> {
                return Resp.integer(0);
            }
            case "history" -> {
                return n != 3 ? wrongArgs("latency|history") : Resp.array(List.of());
            }
            case "graph" -> {
                return n != 3
                        ? wrongArgs("latency|graph")
                        : Resp.error("ERR No samples available for event '" + ServerCommands.text(argv.get(2)) + "'");
            }
            case "doctor" -> {
                return n != 2 ? wrongArgs("latency|doctor") : Resp.bulk(DOCTOR);
            }
            case "histogram" -> {
                return Resp.array(List.of()); // an empty map: latency-tracking is not kept
            }
            case "help" -> {
                return n != 2 ? wrongArgs("latency|help") : ClientCommands.help(LATENCY_HELP);
            }
            default -> {
                return Resp.error(
                        "ERR unknown subcommand '" + ServerCommands.text(argv.get(1)) + "'. Try LATENCY HELP.");
            }
        }
    }

    private static final String DOCTOR = "I'm sorry, Dave, I can't do that. Latency monitoring is disabled in this"
            + " Redis instance. You may use \"CONFIG SET latency-monitor-threshold <milliseconds>.\" in order to"
            + " enable it. If we weren't in a deep space mission I'd suggest to take a look at"
            + " https://redis.io/topics/latency-monitor.\n";

    private static final List<String> SLOWLOG_HELP = List.of(
            "SLOWLOG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
            "GET [<count>]",
            "    Return top <count> entries from the slowlog (default: 10, -1 mean all).",
            "    Entries are made of:",
            "    id, timestamp, time in microseconds, arguments array, client IP and port,",
            "    client name",
            "LEN",
            "    Return the length of the slowlog.",
            "RESET",
            "    Reset the slowlog.",
            "HELP",
            "    Prints this help.");

    private static final List<String> LATENCY_HELP = List.of(
            "LATENCY <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
            "DOCTOR",
            "    Return a human readable latency analysis report.",
            "GRAPH <event>",
            "    Return an ASCII latency graph for the <event> class.",
            "HISTORY <event>",
            "    Return time-latency samples for the <event> class.",
            "LATEST",
            "    Return the latest latency samples for all events.",
            "RESET [<event> ...]",
            "    Reset latency data of one or more <event> classes.",
            "    (default: reset all data for all event classes)",
            "HISTOGRAM [COMMAND ...]",
            "    Return a cumulative distribution of latencies in the format of a histogram for the specified"
                    + " command names.",
            "    If no commands are specified then all histograms are replied.",
            "HELP",
            "    Prints this help.");

    private static byte[] syntax(String sub) {
        return Resp.error("ERR unknown subcommand or wrong number of arguments for '" + sub + "'. Try SLOWLOG HELP.");
    }

    private static byte[] wrongArgs(String full) {
        return Resp.error("ERR wrong number of arguments for '" + full + "' command");
    }

    private static String lower(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    }
}
