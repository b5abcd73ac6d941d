package io.teemate.kv.host;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One client's MULTI/EXEC state on the host (Redis 7.0 multi.c and processCommand's queueing): MULTI starts
 * queueing, each command answers {@code +QUEUED} (or its error, an unknown name or a wrong arity, which makes EXEC
 * answer {@code -EXECABORT}), DISCARD drops the queue, EXEC sends the whole queue into the enclave as ONE entry
 * ({@code \0exec}, see the enclave's ClientOps), so it runs with nothing in between and is logged in one AOF
 * record. WATCH and UNWATCH go into the enclave, which keeps the watches ({@code WatchedKeys}): only it knows whether
 * a key was modified or expired.
 * <p>Holding the queue here is no new trust in the host: the host relays every command of the client anyway, and
 * could drop or reorder them whether or not it queues them.
 * <p>Server commands queued in a transaction (INFO, CONFIG, CLIENT...) run in their place: the queue is cut around
 * them into parts, the first part checks the watches, and the replies are joined into one array. Such a
 * transaction is atomic for the other clients (the event loop runs nothing else meanwhile), but its parts are
 * logged as separate AOF records.
 */
final class Transaction {
    /** Redis 7.0's CMD_NO_MULTI commands among the server's. */
    private static final Set<String> NO_MULTI = Set.of("shutdown");

    static final String EXECABORT = "EXECABORT Transaction discarded because of previous errors.";

    /** What a transaction needs of the event loop, for one client. */
    interface Loop {
        /** A reply the host makes, after the replies to the client's commands before it. */
        void answer(byte[] reply);

        /** A dataset entry into the current batch: its reply goes to the client in order. */
        void dataset(List<byte[]> entry);

        /** Runs the batch so far, then {@code entry} alone; its reply, which the caller sends or drops. */
        byte[] runNow(List<byte[]> entry);

        /** A server command's reply (the batch so far runs first). */
        byte[] server(List<byte[]> argv);

        /** The arity of command {@code name} (lower case), null if the server has no such command. */
        Integer arity(String name);

        /** Whether {@code name} is a server command (answered on the host). */
        boolean isServer(String name);
    }

    boolean multi;
    /** An error while queueing (CLIENT_DIRTY_EXEC). */
    boolean dirtyExec;
    /** The enclave may hold watches of this client. */
    boolean watching;

    final List<List<byte[]>> queued = new ArrayList<>();

    /** Handles {@code argv} if it is the transaction's (or queued by it): true; false for the normal dispatch. */
    boolean handle(long client, String name, List<byte[]> argv, Loop loop) {
        if (name.startsWith("\0")) { // the enclave's per-client operations: never a client's
            loop.answer(Resp.error(unknownCommand(argv)));
            flag();
            return true;
        }
        Integer arity = switch (name) {
            case "multi", "exec", "discard", "unwatch" -> 1;
            case "watch" -> -2;
            default -> null;
        };
        if (arity != null && !accepts(arity, argv.size())) {
            loop.answer(Resp.error("ERR wrong number of arguments for '" + name + "' command"));
            flag();
            return true;
        }
        if (!multi) {
            switch (name) {
                case "multi" -> {
                    multi = true;
                    loop.answer(Resp.simple("OK"));
                }
                case "exec", "discard" ->
                    loop.answer(Resp.error("ERR " + name.toUpperCase(java.util.Locale.ROOT) + " without MULTI"));
                case "watch" -> {
                    List<byte[]> entry = new ArrayList<>(List.of(ascii("\0watch"), ascii(Long.toString(client))));
                    entry.addAll(argv.subList(1, argv.size()));
                    watching = true;
                    loop.dataset(entry);
                }
                case "unwatch" -> {
                    if (watching) {
                        watching = false;
                        loop.dataset(List.of(ascii("\0unwatch"), ascii(Long.toString(client))));
                    } else {
                        loop.answer(Resp.simple("OK"));
                    }
                }
                default -> {
                    return false;
                }
            }
            return true;
        }
        switch (name) {
            case "multi" -> loop.answer(Resp.error("ERR MULTI calls can not be nested"));
            case "watch" -> loop.answer(Resp.error("ERR WATCH inside MULTI is not allowed"));
            case "quit" -> {
                return false; // runs now, as Redis does not queue it
            }
            case "discard" -> {
                discard(client, loop);
                loop.answer(Resp.simple("OK"));
            }
            case "exec" -> exec(client, loop);
            default -> {
                Integer a = loop.arity(name);
                if (a == null) {
                    loop.answer(Resp.error(unknownCommand(argv)));
                    flag();
                } else if (!accepts(a, argv.size())) {
                    loop.answer(Resp.error("ERR wrong number of arguments for '" + name + "' command"));
                    flag();
                } else if (NO_MULTI.contains(name)) {
                    loop.answer(Resp.error("ERR Command not allowed inside a transaction"));
                    flag();
                } else {
                    if (!dirtyExec) { // queueMultiCommand: no point in keeping what will not run
                        queued.add(argv);
                    }
                    loop.answer(Resp.simple("QUEUED"));
                }
            }
        }
        return true;
    }

    private void flag() {
        if (multi) {
            dirtyExec = true;
        }
    }

    /** discardTransaction: the queue goes, and the watches (in the enclave). */
    private void discard(long client, Loop loop) {
        multi = false;
        dirtyExec = false;
        queued.clear();
        if (watching) {
            watching = false;
            loop.runNow(List.of(ascii("\0unwatch"), ascii(Long.toString(client))));
        }
    }

    private void exec(long client, Loop loop) {
        if (dirtyExec) {
            discard(client, loop);
            loop.answer(Resp.error(EXECABORT));
            return;
        }
        List<List<byte[]>> commands = new ArrayList<>(queued);
        multi = false;
        queued.clear();
        watching = false; // EXEC ends the watches, whatever it answers
        if (commands.stream().noneMatch(a -> loop.isServer(lower(a.get(0))))) {
            loop.dataset(entry(client, true, commands));
            return;
        }
        // server commands inside: run the parts in order, the first part checking the watches
        java.io.ByteArrayOutputStream elements = new java.io.ByteArrayOutputStream();
        int count = 0;
        List<List<byte[]>> part = new ArrayList<>();
        boolean first = true;
        for (int i = 0; i <= commands.size(); i++) {
            List<byte[]> argv = i < commands.size() ? commands.get(i) : null;
            if (argv != null && !loop.isServer(lower(argv.get(0)))) {
                part.add(argv);
                continue;
            }
            if (first || !part.isEmpty()) {
                byte[] reply = loop.runNow(entry(client, first, part));
                if (first && (reply.length == 0 || reply[0] != '*' || reply[1] == '-')) {
                    loop.answer(reply); // *-1 (a watched key changed) or EXECABORT: nothing ran
                    return;
                }
                int header = indexOfCrlf(reply);
                count += Integer.parseInt(new String(reply, 1, header - 1, StandardCharsets.US_ASCII));
                elements.write(reply, header + 2, reply.length - header - 2);
                part.clear();
                first = false;
            }
            if (argv != null) {
                elements.writeBytes(loop.server(argv));
                count++;
            }
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(("*" + count + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(elements.toByteArray());
        loop.answer(out.toByteArray());
    }

    /** {@code \0exec <client> <check> (argc argv...)*}: a transaction (or a part of one) as one entry. */
    static List<byte[]> entry(long client, boolean check, List<List<byte[]>> commands) {
        List<byte[]> e = new ArrayList<>();
        e.add(ascii("\0exec"));
        e.add(ascii(Long.toString(client)));
        e.add(ascii(check ? "1" : "0"));
        for (List<byte[]> argv : commands) {
            e.add(ascii(Integer.toString(argv.size())));
            e.addAll(argv);
        }
        return e;
    }

    /** The commands inside an {@link #entry}, null if it is not one. */
    static List<List<byte[]>> commands(List<byte[]> entry) {
        List<List<byte[]>> out = new ArrayList<>();
        int i = 3;
        try {
            while (i < entry.size()) {
                int argc = Integer.parseInt(new String(entry.get(i), StandardCharsets.US_ASCII));
                if (argc < 1 || i + 1 + argc > entry.size()) {
                    return null;
                }
                out.add(entry.subList(i + 1, i + 1 + argc));
                i += 1 + argc;
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return out;
    }

    /** The elements of a RESP2 array reply, each a whole reply of its own; null if {@code reply} is not an array. */
    static List<byte[]> elements(byte[] reply) {
        if (reply.length < 4 || reply[0] != '*' || reply[1] == '-') {
            return null;
        }
        try {
            int header = indexOfCrlf(reply);
            int n = Integer.parseInt(new String(reply, 1, header - 1, StandardCharsets.US_ASCII));
            List<byte[]> out = new ArrayList<>();
            int at = header + 2;
            for (int i = 0; i < n; i++) {
                int end = skip(reply, at);
                out.add(java.util.Arrays.copyOfRange(reply, at, end));
                at = end;
            }
            return at == reply.length ? out : null;
        } catch (RuntimeException e) {
            return null; // not a RESP2 array: nothing to count
        }
    }

    /** Where the RESP2 value starting at {@code at} ends. */
    private static int skip(byte[] b, int at) {
        int eol = at;
        while (!(b[eol] == '\r' && b[eol + 1] == '\n')) {
            eol++;
        }
        int next = eol + 2;
        return switch (b[at]) {
            case '$' -> {
                int len = Integer.parseInt(new String(b, at + 1, eol - at - 1, StandardCharsets.US_ASCII));
                yield len < 0 ? next : next + len + 2;
            }
            case '*' -> {
                int n = Integer.parseInt(new String(b, at + 1, eol - at - 1, StandardCharsets.US_ASCII));
                int p = next;
                for (int i = 0; i < n; i++) {
                    p = skip(b, p);
                }
                yield p;
            }
            default -> next;
        };
    }

    /**
     * {@code \0woken <client> <key> argv...}: a blocked client's command run again to pop from {@code key}, which
     * may have been filled (see the enclave's ClientOps).
     */
    static List<byte[]> woken(long client, byte[] key, List<byte[]> argv) {
        List<byte[]> e = new ArrayList<>(argv.size() + 3);
        e.add(ascii("\0woken"));
        e.add(ascii(Long.toString(client)));
        e.add(key);
        e.addAll(argv);
        return e;
    }

    /** The enclave entry that forgets {@code client}'s watches (a client that went away). */
    static List<byte[]> unwatch(long client) {
        return List.of(ascii("\0unwatch"), ascii(Long.toString(client)));
    }

    private static int indexOfCrlf(byte[] b) {
        for (int i = 0; i + 1 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalStateException("a reply without CRLF");
    }

    private static boolean accepts(int arity, int argc) {
        return arity > 0 ? argc == arity : argc >= -arity;
    }

    /** Redis's reply to an unknown command (server.c processCommand): the name, then args while under 128 chars. */
    static String unknownCommand(List<byte[]> argv) {
        StringBuilder args = new StringBuilder();
        for (int i = 1; i < argv.size() && args.length() < 128; i++) {
            String a = new String(argv.get(i), StandardCharsets.ISO_8859_1);
            int room = 128 - args.length();
            args.append('\'').append(a, 0, Math.min(a.length(), room)).append("' ");
        }
        String n = new String(argv.get(0), StandardCharsets.ISO_8859_1);
        return "ERR unknown command '" + n.substring(0, Math.min(n.length(), 128)) + "', with args beginning with: "
                + args;
    }

    private static String lower(byte[] name) {
        return new String(name, StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
