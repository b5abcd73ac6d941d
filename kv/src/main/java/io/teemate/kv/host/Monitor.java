package io.teemate.kv.host;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * MONITOR (replication.c replicationFeedMonitors): each command a client runs is streamed to every monitor as
 * {@code +<seconds>.<micros> [<db> <ip:port>] "arg" "arg"...}, after its own reply, in the order commands run.
 * Redis leaves out the administrative commands (CMD_ADMIN: CONFIG, CLIENT KILL, SAVE...) and those it refused
 * before running them (unknown, wrong arity, NOAUTH); passwords in AUTH and HELLO AUTH show as "(redacted)".
 */
final class Monitor {
    private final List<ClientState> monitors = new ArrayList<>();

    /** MONITOR: the client becomes a monitor; a second MONITOR is not answered (monitorCommand). */
    byte[] add(ClientState c) {
        if (c.monitor) {
            return null;
        }
        c.monitor = true;
        monitors.add(c);
        return Resp.simple("OK");
    }

    void remove(ClientState c) {
        if (c.monitor) {
            c.monitor = false;
            monitors.remove(c);
        }
    }

    /** The Redis 7.0 commands flagged admin among those this server has, by full name (not shown to monitors). */
    private static final Set<String> ADMIN = Set.of(
            "shutdown",
            "config|get",
            "config|set",
            "config|rewrite",
            "config|resetstat",
            "save",
            "bgsave",
            "bgrewriteaof",
            "monitor",
            "debug",
            "client|kill",
            "client|list",
            "client|pause",
            "client|unpause",
            "client|unblock",
            "client|no-evict",
            "latency|reset",
            "latency|doctor",
            "latency|history",
            "latency|latest",
            "latency|histogram",
            "latency|graph",
            "slowlog|get",
            "slowlog|len",
            "slowlog|reset",
            "replicaof",
            "slaveof",
            "sync",
            "psync",
            "failover");

    static boolean admin(String fullName) {
        return ADMIN.contains(fullName);
    }

    /** Streams {@code argv}, run by {@code from} ({@code fullName}: name or name|sub), to every monitor. */
    void feed(ClientState from, String fullName, List<byte[]> argv) {
        if (monitors.isEmpty() || admin(fullName)) {
            return;
        }
        java.time.Instant now = java.time.Instant.now();
        long micros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
        StringBuilder b = new StringBuilder();
        b.append('+').append(micros / 1_000_000).append('.');
        b.append(String.format(Locale.ROOT, "%06d", micros % 1_000_000));
        b.append(" [")
                .append(from.db)
                .append(' ')
                .append(from.link == null ? "" : from.link.addr())
                .append("] ");
        List<byte[]> shown = redacted(argv);
        for (int i = 0; i < shown.size(); i++) {
            if (i > 0) {
                b.append(' ');
            }
            repr(b, shown.get(i));
        }
        b.append("\r\n");
        byte[] line = b.toString().getBytes(StandardCharsets.ISO_8859_1);
        for (ClientState m : monitors) {
            m.link.push(line);
        }
    }

    /** AUTH's arguments and HELLO's AUTH user and password become "(redacted)" (redactClientCommandArgument). */
    static List<byte[]> redacted(List<byte[]> argv) {
        String name = new String(argv.get(0), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        List<byte[]> out = new ArrayList<>(argv);
        byte[] red = "(redacted)".getBytes(StandardCharsets.US_ASCII);
        if (name.equals("auth")) {
            for (int i = 1; i < out.size(); i++) {
                out.set(i, red);
            }
        } else if (name.equals("hello")) {
            for (int j = 2; j < out.size(); j++) {
                String opt = new String(out.get(j), StandardCharsets.ISO_8859_1);
                int more = out.size() - 1 - j;
                if (opt.equalsIgnoreCase("auth") && more >= 2) {
                    out.set(j + 1, red);
                    out.set(j + 2, red);
                    j += 2;
                } else if (opt.equalsIgnoreCase("setname") && more >= 1) {
                    j++;
                } else {
                    break;
                }
            }
        }
        return out;
    }

    /** sds.c sdscatrepr: a double-quoted string, \\ \" \n \r \t \a \b escaped, other unprintables as \xHH. */
    static void repr(StringBuilder b, byte[] s) {
        b.append('"');
        for (byte x : s) {
            int c = x & 0xFF;
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case 7 -> b.append("\\a");
                case '\b' -> b.append("\\b");
                default -> {
                    if (c >= 0x20 && c < 0x7f) {
                        b.append((char) c);
                    } else {
                        b.append(String.format(Locale.ROOT, "\\x%02x", c));
                    }
                }
            }
        }
        b.append('"');
    }
}
