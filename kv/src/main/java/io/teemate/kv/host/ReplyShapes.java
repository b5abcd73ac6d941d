package io.teemate.kv.host;

import io.teemate.kv.host.Resp3.Node;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How each command's reply differs in RESP3 from its RESP2 form: the one table of those decisions, keyed by command
 * name (or {@code command|subcommand}), read by {@link Resp3#transcode}. A command not listed only has its nulls
 * become {@code _}. Each entry was checked against redis-server 7.0.15: the same command on a RESP2 and on a RESP3
 * connection (ReplyShapesTest transcodes the first and compares with the second, byte for byte).
 * <p>The shapes follow where Redis 7.0 calls addReplyMapLen (maps), addReplySetLen (sets), addReplyDouble
 * (doubles), addReplyVerbatim (verbatim text) and, for sorted sets with scores, t_zset.c's member-score pairs
 * ({@code [[member, score], ...]} in RESP3 instead of RESP2's flat list).
 * <p>A new command whose RESP3 reply differs (a stream command, a geo command) is added here, and to the test.
 */
final class ReplyShapes {
    private ReplyShapes() {}

    /** Reshapes a reply (already parsed, nulls already {@code _}) given the command that produced it. */
    @FunctionalInterface
    interface Shape {
        Node apply(List<byte[]> argv, Node reply);
    }

    /** The reply is already in the client's protocol (the host built it knowing it): not transcoded. */
    static final Shape NATIVE = (argv, n) -> n;

    /** A flat array of field, value, ... becomes a map (t_hash.c genericHgetallCommand, config.c configGetCommand). */
    static final Shape MAP = (argv, n) -> {
        if (n.is('*')) {
            n.type = '%';
        }
        return n;
    };

    /** An array becomes a set (t_set.c smembers, sinterGenericCommand, sunionDiffGenericCommand). */
    static final Shape SET = (argv, n) -> {
        if (n.is('*')) {
            n.type = '~';
        }
        return n;
    };

    /** A bulk string holding a double becomes a double (networking.c addReplyDouble). */
    static final Shape DOUBLE = (argv, n) -> toDouble(n);

    /** An array of doubles (and nulls): ZMSCORE. */
    static final Shape DOUBLES = (argv, n) -> {
        if (n.is('*')) {
            n.items.replaceAll(ReplyShapes::toDouble);
        }
        return n;
    };

    /** Bulk text becomes a verbatim string of format txt (networking.c addReplyVerbatim: INFO, CLIENT LIST). */
    static final Shape VERBATIM = (argv, n) -> {
        if (n.is('$')) {
            n.type = '=';
        }
        return n;
    };

    /**
     * COMMAND DOCS (server.c commandDocsCommand): a map of name to doc; a doc is a map whose doc_flags are a set, whose
     * subcommands are a map of docs, and whose arguments are maps (addReplyCommandArgList: their flags a set, their
     * own arguments maps again); history is a set of [version, change] pairs.
     */
    static final Shape COMMAND_DOCS = (argv, n) -> {
        if (n.is('*')) {
            n.type = '%';
            for (int i = 1; i < n.items.size(); i += 2) {
                doc(n.items.get(i));
            }
        }
        return n;
    };

    private static void doc(Node d) {
        if (!d.is('*')) {
            return;
        }
        d.type = '%';
        for (int i = 0; i + 1 < d.items.size(); i += 2) {
            Node v = d.items.get(i + 1);
            switch (name(d.items.get(i))) {
                case "doc_flags", "history" -> {
                    if (v.is('*')) {
                        v.type = '~';
                    }
                }
                case "subcommands" -> COMMAND_DOCS.apply(null, v);
                case "arguments" -> arguments(v);
                default -> {
                    // summary, since, group, complexity, history...: as they are
                }
            }
        }
    }

    private static void arguments(Node list) {
        if (!list.is('*')) {
            return;
        }
        for (Node a : list.items) {
            if (!a.is('*')) {
                continue;
            }
            a.type = '%';
            for (int i = 0; i + 1 < a.items.size(); i += 2) {
                Node v = a.items.get(i + 1);
                switch (name(a.items.get(i))) {
                    case "flags" -> {
                        if (v.is('*')) {
                            v.type = '~';
                        }
                    }
                    case "arguments" -> arguments(v);
                    default -> {
                        // name, type, key_spec_index, token, display_text, since...
                    }
                }
            }
        }
    }

    private static String name(Node n) {
        return n.text == null ? "" : new String(n.text, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** MEMORY STATS's float fields (object.c memoryCommand: addReplyDouble). */
    private static final java.util.Set<String> MEMORY_STATS_DOUBLES = java.util.Set.of(
            "dataset.percentage",
            "peak.percentage",
            "allocator-fragmentation.ratio",
            "allocator-rss.ratio",
            "rss-overhead.ratio",
            "fragmentation");

    /** MEMORY STATS: a map (addReplyMapLen), each db.N a map too, its ratios doubles. */
    static final Shape MEMORY_STATS = (argv, n) -> {
        if (!n.is('*')) {
            return n;
        }
        n.type = '%';
        for (int i = 0; i + 1 < n.items.size(); i += 2) {
            Resp3.Node name = n.items.get(i);
            Resp3.Node value = n.items.get(i + 1);
            if (value.is('*')) {
                value.type = '%';
            } else if (name.text != null
                    && MEMORY_STATS_DOUBLES.contains(
                            new String(name.text, java.nio.charset.StandardCharsets.US_ASCII))) {
                n.items.set(i + 1, toDouble(value));
            }
        }
        return n;
    };

    /** Sorted set replies WITHSCORES from argument {@code from} on: member, score pairs with double scores. */
    static Shape withScores(int from) {
        return (argv, n) -> hasWord(argv, from, "withscores") ? pairs(n, true) : n;
    }

    /** As {@link #withScores}, the options starting after the numkeys keys (ZUNION, ZINTER, ZDIFF). */
    static final Shape NUMKEYS_WITHSCORES = (argv, n) -> {
        long numkeys = argv.size() > 1 ? number(argv.get(1)) : -1;
        return numkeys >= 0 && numkeys < argv.size() && hasWord(argv, (int) (2 + numkeys), "withscores")
                ? pairs(n, true)
                : n;
    };

    /**
     * ZPOPMIN/ZPOPMAX (t_zset.c genericZpopCommand): without a count, one flat member and double score; with one,
     * pairs.
     */
    static final Shape ZPOP = (argv, n) -> {
        if (argv.size() > 2) {
            return pairs(n, true);
        }
        if (n.is('*') && n.items.size() == 2) {
            toDouble(n.items.get(1));
        }
        return n;
    };

    /** BZPOPMIN/BZPOPMAX: key, member, double score. */
    static final Shape BZPOP = (argv, n) -> {
        if (n.is('*') && n.items.size() == 3) {
            toDouble(n.items.get(2));
        }
        return n;
    };

    /** ZMPOP/BZMPOP: key and [[member, score], ...], already pairs in RESP2; the scores become doubles. */
    static final Shape ZMPOP = (argv, n) -> {
        if (n.is('*') && n.items.size() == 2 && n.items.get(1).is('*')) {
            for (Node pair : n.items.get(1).items) {
                if (pair.is('*') && pair.items.size() == 2) {
                    toDouble(pair.items.get(1));
                }
            }
        }
        return n;
    };

    /** ZADD key [NX|XX] [GT|LT] [CH] [INCR] score member...: with INCR the new score, a double (or null). */
    static final Shape ZADD = (argv, n) -> {
        for (int i = 2; i < argv.size(); i++) {
            String opt = lower(argv.get(i));
            if (opt.equals("incr")) {
                return toDouble(n);
            }
            if (!java.util.Set.of("nx", "xx", "gt", "lt", "ch").contains(opt)) {
                break; // the first score: options are over
            }
        }
        return n;
    };

    /** ZRANDMEMBER key count WITHSCORES: pairs with double scores. */
    static final Shape ZRANDMEMBER = (argv, n) -> argv.size() == 4 ? pairs(n, true) : n;

    /** HRANDFIELD key count WITHVALUES: field, value pairs (t_hash.c hrandfieldWithCountCommand). */
    static final Shape HRANDFIELD = (argv, n) -> argv.size() == 4 ? pairs(n, false) : n;

    /** COMMAND and COMMAND INFO entries: the flags (the third field) are a set. */
    static final Shape COMMAND_ENTRIES = (argv, n) -> {
        if (n.is('*')) {
            for (Node e : n.items) {
                if (e.is('*') && e.items.size() > 2) {
                    SET.apply(argv, e.items.get(2));
                }
            }
        }
        return n;
    };

    /** CLIENT TRACKINGINFO (networking.c clientCommand): a map whose flags are a set. */
    static final Shape TRACKINGINFO = (argv, n) -> {
        if (n.is('*') && n.items.size() == 6) {
            SET.apply(argv, n.items.get(1));
            n.type = '%';
        }
        return n;
    };

    /** The table: by lower-case command name, or name|subcommand for a container command. */
    static final Map<String, Shape> TABLE = Map.ofEntries(
            // replies the host builds in the client's protocol
            Map.entry("hello", NATIVE),
            Map.entry("subscribe", NATIVE),
            Map.entry("psubscribe", NATIVE),
            Map.entry("unsubscribe", NATIVE),
            Map.entry("punsubscribe", NATIVE),
            Map.entry("ssubscribe", NATIVE),
            Map.entry("sunsubscribe", NATIVE),
            // maps
            Map.entry("hgetall", MAP),
            Map.entry("config|get", MAP),
            Map.entry("client|trackinginfo", TRACKINGINFO),
            Map.entry("latency|histogram", MAP),
            // sets
            Map.entry("smembers", SET),
            Map.entry("sinter", SET),
            Map.entry("sunion", SET),
            Map.entry("sdiff", SET),
            Map.entry("spop", (argv, n) -> argv.size() > 2 ? SET.apply(argv, n) : n),
            // verbatim text
            Map.entry("info", VERBATIM),
            Map.entry("client|info", VERBATIM),
            Map.entry("client|list", VERBATIM),
            Map.entry("latency|doctor", VERBATIM),
            Map.entry("memory|doctor", VERBATIM),
            Map.entry("memory|malloc-stats", VERBATIM),
            Map.entry("memory|stats", MEMORY_STATS),
            Map.entry("command|docs", COMMAND_DOCS),
            // COMMAND's flags
            Map.entry("command", (argv, n) -> argv.size() == 1 ? COMMAND_ENTRIES.apply(argv, n) : n),
            Map.entry("command|info", COMMAND_ENTRIES),
            // pairs
            Map.entry("hrandfield", HRANDFIELD),
            // sorted sets (t_zset.c): doubles and member-score pairs
            Map.entry("zscore", DOUBLE),
            Map.entry("zincrby", DOUBLE),
            Map.entry("zmscore", DOUBLES),
            Map.entry("zadd", ZADD),
            Map.entry("zpopmin", ZPOP),
            Map.entry("zpopmax", ZPOP),
            Map.entry("bzpopmin", BZPOP),
            Map.entry("bzpopmax", BZPOP),
            Map.entry("zmpop", ZMPOP),
            Map.entry("bzmpop", ZMPOP),
            Map.entry("zrandmember", ZRANDMEMBER),
            Map.entry("zrange", withScores(4)),
            Map.entry("zrevrange", withScores(4)),
            Map.entry("zrangebyscore", withScores(4)),
            Map.entry("zrevrangebyscore", withScores(4)),
            Map.entry("zunion", NUMKEYS_WITHSCORES),
            Map.entry("zinter", NUMKEYS_WITHSCORES),
            Map.entry("zdiff", NUMKEYS_WITHSCORES));

    /** Container commands whose subcommands are keyed {@code name|sub}. */
    private static final java.util.Set<String> CONTAINERS =
            java.util.Set.of("config", "client", "command", "latency", "xinfo", "object", "memory", "pubsub");

    /** The shape of {@code argv}'s reply, or null if only its nulls change. */
    static Shape of(List<byte[]> argv) {
        String name = lower(argv.get(0));
        if (argv.size() > 1 && CONTAINERS.contains(name)) {
            Shape sub = TABLE.get(name + "|" + lower(argv.get(1)));
            if (sub != null) {
                return sub;
            }
        }
        return TABLE.get(name);
    }

    /** The RESP3 form of {@code resp2}, the reply to {@code argv}. */
    static byte[] toResp3(List<byte[]> argv, byte[] resp2) {
        Shape s = argv.isEmpty() ? null : of(argv);
        return s == NATIVE ? resp2 : Resp3.transcode(argv, resp2, s);
    }

    private static Node toDouble(Node n) {
        if (n.is('$')) {
            n.type = ',';
        }
        return n;
    }

    /** A flat array member, score, ... becomes [[member, score], ...], the scores doubles if {@code doubles}. */
    private static Node pairs(Node n, boolean doubles) {
        if (!n.is('*') || n.items.size() % 2 != 0) {
            return n;
        }
        List<Node> out = new ArrayList<>(n.items.size() / 2);
        for (int i = 0; i < n.items.size(); i += 2) {
            Node second = n.items.get(i + 1);
            out.add(Node.array(new ArrayList<>(List.of(n.items.get(i), doubles ? toDouble(second) : second))));
        }
        n.items = out;
        return n;
    }

    /** Whether an argument from index {@code from} on is {@code word}, in any case. */
    private static boolean hasWord(List<byte[]> argv, int from, String word) {
        for (int i = Math.max(1, from); i < argv.size(); i++) {
            if (lower(argv.get(i)).equals(word)) {
                return true;
            }
        }
        return false;
    }

    private static long number(byte[] b) {
        try {
            return Long.parseLong(new String(b, StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String lower(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    }
}
