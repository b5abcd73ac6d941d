package io.teemate.kv.host;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The clients blocked in BLPOP, BRPOP, BRPOPLPUSH, BLMOVE, BLMPOP, BZPOPMIN, BZPOPMAX and BZMPOP on the
 * host (Redis 7.0 blocked.c). The engine decides: it tries the command once and, finding nothing, answers a marker
 * (a NUL byte, then a RESP array of the timeout in milliseconds and the keys); the server then parks the client
 * here instead of answering. The client's later commands wait (Redis reads none while it is blocked).
 * <p>Waking (blocked.c handleClientsBlockedOnKeys): the server cuts its batch after every command that names a key
 * someone waits on (a key becomes non-empty only through a command that names it) and, key by key in the order the
 * command names them, runs the command of each client waiting on that key again ({@code \0woken}), one at a time,
 * in the order they blocked, popping from that key only and only if it holds the type the command pops; one that
 * finds nothing again keeps its place. At its deadline a client gets {@code *-1}. A client that goes away is forgotten.
 * <p>{@link #MAY_BLOCK} is the one place that names the commands that may block: the server cuts its batch after
 * each (so that a client that blocks runs none of its later commands), the engine does the rest.
 */
final class BlockedClients<C> {
    /** The commands whose engine handler may answer the blocking marker. */
    static final Set<String> MAY_BLOCK =
            Set.of("blpop", "brpop", "brpoplpush", "blmove", "blmpop", "bzpopmin", "bzpopmax", "bzmpop");

    /** One blocked client: its command, its keys, its deadline (Long.MAX_VALUE: none). */
    static final class Wait<C> {
        final C client;
        final List<byte[]> argv;
        final List<ByteBuffer> keys = new ArrayList<>();
        final long deadline;

        Wait(C client, List<byte[]> argv, long deadline) {
            this.client = client;
            this.argv = argv;
            this.deadline = deadline;
        }
    }

    private final Map<ByteBuffer, LinkedHashSet<Wait<C>>> byKey = new HashMap<>();
    private final Map<C, Wait<C>> byClient = new IdentityHashMap<>();

    /** Whether {@code reply} is the engine's blocking marker. */
    static boolean isMarker(byte[] reply) {
        return reply.length > 0 && reply[0] == 0;
    }

    int size() {
        return byClient.size();
    }

    boolean isEmpty() {
        return byClient.isEmpty();
    }

    boolean isBlocked(C client) {
        return byClient.containsKey(client);
    }

    /** Parks {@code client}, which ran {@code argv} and got {@code marker}, at {@code now}. */
    void park(C client, List<byte[]> argv, byte[] marker, long now) {
        Resp parser = new Resp();
        parser.feed(marker, 1, marker.length - 1);
        List<byte[]> fields;
        try {
            fields = parser.next();
        } catch (RespProtocolException e) {
            throw new IllegalStateException("a malformed blocking marker from the engine", e);
        }
        if (fields == null || fields.isEmpty()) {
            throw new IllegalStateException("a malformed blocking marker from the engine");
        }
        long ms = Long.parseLong(new String(fields.get(0), StandardCharsets.US_ASCII));
        long deadline = ms == 0 || ms > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + ms;
        Wait<C> w = new Wait<>(client, argv, deadline);
        for (byte[] k : fields.subList(1, fields.size())) {
            ByteBuffer key = ByteBuffer.wrap(k);
            w.keys.add(key);
            byKey.computeIfAbsent(key, x -> new LinkedHashSet<>()).add(w);
        }
        byClient.put(client, w);
    }

    /** Forgets {@code client} (served, timed out, or gone); its wait, or null. */
    Wait<C> remove(C client) {
        Wait<C> w = byClient.remove(client);
        if (w != null) {
            for (ByteBuffer k : w.keys) {
                Set<Wait<C>> all = byKey.get(k);
                if (all != null) {
                    all.remove(w);
                    if (all.isEmpty()) {
                        byKey.remove(k);
                    }
                }
            }
        }
        return w;
    }

    /** Whether any argument of {@code argv} is a key a client waits on. */
    boolean namesBlockedKey(List<byte[]> argv) {
        if (byKey.isEmpty()) {
            return false;
        }
        for (int i = 1; i < argv.size(); i++) {
            if (byKey.containsKey(ByteBuffer.wrap(argv.get(i)))) {
                return true;
            }
        }
        return false;
    }

    /** A wait to serve from {@code key}, a key that may have been filled. */
    record Ready<C>(Wait<C> waiter, byte[] key) {}

    /**
     * The waits on keys {@code argv} names, key by key in argument order (the order they became ready), each
     * key's in the order they blocked (blocked.c handleClientsBlockedOnKeys); a client waiting on two of the keys
     * is listed under both, to be served from the second if the first is empty again.
     */
    List<Ready<C>> waitersFor(List<byte[]> argv) {
        List<Ready<C>> out = new ArrayList<>();
        Set<ByteBuffer> seen = new java.util.HashSet<>();
        for (int i = 1; i < argv.size(); i++) {
            ByteBuffer key = ByteBuffer.wrap(argv.get(i));
            Set<Wait<C>> all = byKey.get(key);
            if (all != null && seen.add(key)) {
                for (Wait<C> w : all) {
                    out.add(new Ready<>(w, argv.get(i)));
                }
            }
        }
        return out;
    }

    /** The earliest deadline, Long.MAX_VALUE if none. */
    long nextDeadline() {
        long min = Long.MAX_VALUE;
        for (Wait<C> w : byClient.values()) {
            min = Math.min(min, w.deadline);
        }
        return min;
    }

    /** Removes and returns the clients whose deadline passed at {@code now}. */
    List<C> expire(long now) {
        List<C> out = new ArrayList<>();
        for (Wait<C> w : expireWaits(now)) {
            out.add(w.client);
        }
        return out;
    }

    /** As {@link #expire}, with each client's blocked command. */
    List<Wait<C>> expireWaits(long now) {
        List<Wait<C>> out = new ArrayList<>();
        for (Wait<C> w : new ArrayList<>(byClient.values())) {
            if (w.deadline <= now) {
                remove(w.client);
                out.add(w);
            }
        }
        return out;
    }
}
