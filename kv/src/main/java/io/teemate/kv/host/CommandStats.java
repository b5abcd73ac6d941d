package io.teemate.kv.host;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * INFO's commandstats and errorstats (Redis 7.0 server.c call, processCommand's rejectCommand and
 * incrCommandStatsOnError; networking.c afterErrorReply): per command (its full name, {@code name|sub} for a
 * container's subcommand) the calls that ran and their time, the calls refused before they ran (rejected: a wrong
 * arity, NOAUTH, MISCONF, a command not allowed in the client's context) and the calls that ran and answered an
 * error (failed); per error prefix (the error's first word) how many error replies carried it. Loop thread only.
 */
final class CommandStats {
    /** One command's counters (Redis's redisCommand calls, microseconds, rejected_calls, failed_calls). */
    static final class Entry {
        long calls;
        long usec;
        long rejected;
        long failed;
    }

    private final Map<String, Entry> commands = new TreeMap<>();
    private final Map<String, Long> errors = new TreeMap<>();
    /** Redis's server.stat_total_error_replies. */
    private long totalErrorReplies;

    /**
     * Command {@code fullName} (lower case; null for an unknown command) was answered {@code reply} (RESP2) after
     * {@code usec}: counted as Redis counts it, rejected, failed or a plain call by what the reply says.
     * {@code arityOk}: the argument count passes the command table's arity, so an arity error came from the
     * command itself (MSET's odd pairs: addReplyErrorArity inside call(), a failed call).
     */
    void account(String fullName, byte[] reply, long usec, boolean arityOk) {
        String error = errorLine(reply);
        if (error == null) {
            called(fullName, usec);
            return;
        }
        countError(error);
        if (fullName == null || unknown(error)) {
            return; // processCommand: no command was found, only the error is counted
        }
        if (rejected(error, arityOk)) {
            entry(fullName).rejected++;
        } else {
            called(fullName, usec);
            entry(fullName).failed++;
        }
    }

    /** A call that ran and has no reply yet (a client that blocked): counted as Redis's call() counts it. */
    void called(String fullName, long usec) {
        if (fullName == null) {
            return;
        }
        Entry e = entry(fullName);
        e.calls++;
        e.usec += Math.max(0, usec);
    }

    /** CONFIG RESETSTAT: resetCommandTableStats, resetErrorTableStats and stat_total_error_replies. */
    void reset() {
        commands.clear();
        errors.clear();
        totalErrorReplies = 0;
    }

    long totalErrorReplies() {
        return totalErrorReplies;
    }

    /** The Commandstats section's lines (genRedisInfoStringCommandStats): commands with any count, by name. */
    void appendCommandstats(StringBuilder b) {
        commands.forEach((name, e) -> {
            if (e.calls == 0 && e.failed == 0 && e.rejected == 0) {
                return;
            }
            b.append("cmdstat_")
                    .append(name)
                    .append(":calls=")
                    .append(e.calls)
                    .append(",usec=")
                    .append(e.usec)
                    .append(",usec_per_call=")
                    .append(String.format(Locale.ROOT, "%.2f", e.calls == 0 ? 0.0 : (double) e.usec / e.calls))
                    .append(",rejected_calls=")
                    .append(e.rejected)
                    .append(",failed_calls=")
                    .append(e.failed)
                    .append("\r\n");
        });
    }

    /** The Errorstats section's lines: {@code errorstat_<PREFIX>:count=n}, in prefix order (Redis's rax order). */
    void appendErrorstats(StringBuilder b) {
        errors.forEach((prefix, n) -> b.append("errorstat_")
                .append(prefix)
                .append(":count=")
                .append(n)
                .append("\r\n"));
    }

    private Entry entry(String fullName) {
        return commands.computeIfAbsent(fullName, n -> new Entry());
    }

    /**
     * afterErrorReply: the error's prefix is its text up to the first space within its first 32 characters (the
     * leading '-' included), else ERR.
     */
    private void countError(String line) {
        totalErrorReplies++;
        int space = line.indexOf(' ');
        String prefix = space > 0 && space < 31 ? line.substring(0, space) : "ERR";
        errors.merge(prefix, 1L, Long::sum);
    }

    /** The error line of an error reply (without '-' and CRLF), or null if {@code reply} is not an error. */
    static String errorLine(byte[] reply) {
        if (reply == null || reply.length == 0 || reply[0] != '-') {
            return null;
        }
        int end = reply.length;
        while (end > 1 && (reply[end - 1] == '\n' || reply[end - 1] == '\r')) {
            end--;
        }
        return new String(reply, 1, end - 1, StandardCharsets.ISO_8859_1);
    }

    /** processCommand's errors for a name or subcommand it did not find: no command is charged. */
    private static boolean unknown(String error) {
        return error.startsWith("ERR unknown command '") || error.startsWith("ERR unknown subcommand '");
    }

    /** processCommand's rejectCommand errors, answered before the command runs (rejected_calls). */
    private static boolean rejected(String error, boolean arityOk) {
        if (error.startsWith("ERR wrong number of arguments for '")) {
            return !arityOk || error.contains("|"); // a subcommand's arity is processCommand's check too
        }
        return error.startsWith("NOAUTH ")
                || error.startsWith("MISCONF ")
                || error.startsWith("ERR Command not allowed inside a transaction")
                || error.startsWith("ERR Can't execute '");
    }
}
