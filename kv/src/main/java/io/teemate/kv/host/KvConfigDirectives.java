package io.teemate.kv.host;

import io.teemate.abi.image.Sizes;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongUnaryOperator;
import java.util.regex.Pattern;

/**
 * The directive table of {@link KvConfig}: for each directive its name, flags, default, and how a value is read
 * (from a file line's arguments or a CONFIG SET value), shown (CONFIG GET) and written back (CONFIG REWRITE). The
 * types, bounds, flags, defaults and error texts are Redis 7.0.15's (config.c's standardConfig table), checked
 * against a real redis-server; the differences are TeeMate's and are said where they are defined.
 * <p>Values are immutable: Boolean, Long (numbers; memory values are unsigned 64-bit), String (strings and enum
 * names, lower case), {@code List<SavePoint>} (save), {@code List<String>} (bind), Path (dir).
 */
final class KvConfigDirectives {
    private KvConfigDirectives() {}

    /** CONFIG SET refuses it: "can't set immutable config". */
    static final int IMMUTABLE = 1;
    /** CONFIG SET refuses it unless enable-protected-configs allows it: "can't set protected config". */
    static final int PROTECTED = 2;
    /** Takes any number of arguments; a single argument with spaces is split on them (file) or always (SET). */
    static final int MULTI_ARG = 4;

    /** The data directory's default: what {@code teemate kv serve} has always used, under the working directory. */
    static final String DEFAULT_DIR = "teemate-kv";

    /** Redis's redis.conf line, not its compiled-in default {@code * -::*}: TeeMate listens on loopback only. */
    static final List<String> DEFAULT_BIND = List.of("127.0.0.1", "-::1");

    /** Redis 7.0's save points: after 3600 s if 1 change, 300 s if 100, 60 s if 10000. */
    static final List<KvConfig.SavePoint> DEFAULT_SAVE = List.of(
            new KvConfig.SavePoint(3600, 1), new KvConfig.SavePoint(300, 100), new KvConfig.SavePoint(60, 10000));

    /** A value that a directive refuses, with Redis's reason. */
    static final class Invalid extends Exception {
        Invalid(String reason) {
            super(reason, null, false, false);
        }
    }

    /** What a file load carries from line to line (null for CONFIG SET). */
    static final class Loading {
        /** Redis's save_loaded: the first save line of a load replaces the defaults, later ones add to it. */
        boolean saveLoaded;
    }

    /** One directive. */
    abstract static class Directive {
        final String name;
        final int flags;

        Directive(String name, int flags) {
            this.name = name;
            this.flags = flags;
        }

        boolean is(int flag) {
            return (flags & flag) != 0;
        }

        abstract Object defaultValue();

        /**
         * The value {@code args} give (one argument unless {@link #MULTI_ARG}), given the current one.
         *
         * @param loading the load in progress, or null for CONFIG SET
         */
        abstract Object parse(List<String> args, Object current, Loading loading) throws Invalid;

        /** The value as CONFIG GET shows it. */
        abstract String show(Object value);

        /** Writes the value's lines into a rewrite. */
        abstract void rewrite(Object value, KvConfigRewrite state);
    }

    static final class Bool extends Directive {
        private final boolean def;

        Bool(String name, int flags, boolean def) {
            super(name, flags);
            this.def = def;
        }

        @Override
        Object defaultValue() {
            return def;
        }

        @Override
        Object parse(List<String> args, Object current, Loading loading) throws Invalid {
            return switch (KvConfigSyntax.lower(args.get(0))) {
                case "yes" -> true;
                case "no" -> false;
                default -> throw new Invalid("argument must be 'yes' or 'no'");
            };
        }

        @Override
        String show(Object value) {
            return (Boolean) value ? "yes" : "no";
        }

        @Override
        void rewrite(Object value, KvConfigRewrite state) {
            state.rewriteLine(name, name + " " + show(value), (Boolean) value != def);
        }
    }

    /** How a number is written. */
    enum Unit {
        /** A plain integer (string2ll). */
        INTEGER,
        /** A memory value (memtoull), kept signed: bounds are checked as signed. */
        MEMORY,
        /** A memory value kept as an unsigned 64-bit number (maxmemory). */
        UNSIGNED_MEMORY
    }

    static final class Numeric extends Directive {
        private final Unit unit;
        private final long lower;
        private final long upper;
        private final long def;
        private final LongUnaryOperator normalize;

        Numeric(String name, int flags, Unit unit, long lower, long upper, long def) {
            this(name, flags, unit, lower, upper, def, v -> v);
        }

        /** {@code normalize}: what Redis's apply function does to an accepted value (hz: clamped to 1..500). */
        Numeric(String name, int flags, Unit unit, long lower, long upper, long def, LongUnaryOperator normalize) {
            super(name, flags);
            this.unit = unit;
            this.lower = lower;
            this.upper = upper;
            this.def = def;
            this.normalize = normalize;
        }

        @Override
        Object defaultValue() {
            return def;
        }

        @Override
        Object parse(List<String> args, Object current, Loading loading) throws Invalid {
            String text = args.get(0);
            Long v = unit == Unit.INTEGER ? KvConfigSyntax.string2ll(text) : KvConfigSyntax.memtoull(text);
            if (v == null) {
                throw new Invalid(
                        unit == Unit.INTEGER
                                ? "argument couldn't be parsed into an integer"
                                : "argument must be a memory value");
            }
            if (unit == Unit.UNSIGNED_MEMORY) {
                if (Long.compareUnsigned(v, lower) < 0 || Long.compareUnsigned(v, upper) > 0) {
                    throw new Invalid("argument must be between " + Long.toUnsignedString(lower) + " and "
                            + Long.toUnsignedString(upper) + " inclusive");
                }
            } else if (v < lower || v > upper) {
                throw new Invalid("argument must be between " + lower + " and " + upper + " inclusive");
            }
            return normalize.applyAsLong(v);
        }

        @Override
        String show(Object value) {
            long v = (Long) value;
            return unit == Unit.INTEGER ? Long.toString(v) : Long.toUnsignedString(v);
        }

        @Override
        void rewrite(Object value, KvConfigRewrite state) {
            long v = (Long) value;
            String text = unit == Unit.INTEGER ? Long.toString(v) : formatMemory(v);
            state.rewriteLine(name, name + " " + text, v != def);
        }

        /** rewriteConfigFormatMemory: the largest of gb, mb, kb that divides the value, else bytes. */
        static String formatMemory(long bytes) {
            if (bytes != 0) {
                for (var u : List.of(Map.entry(1L << 30, "gb"), Map.entry(1L << 20, "mb"), Map.entry(1L << 10, "kb"))) {
                    if (Long.remainderUnsigned(bytes, u.getKey()) == 0) {
                        return Long.toUnsignedString(Long.divideUnsigned(bytes, u.getKey())) + u.getValue();
                    }
                }
            }
            return Long.toUnsignedString(bytes);
        }
    }

    static final class Choice extends Directive {
        private final List<String> names;
        private final String def;

        Choice(String name, int flags, List<String> names, String def) {
            super(name, flags);
            this.names = names;
            this.def = def;
        }

        @Override
        Object defaultValue() {
            return def;
        }

        @Override
        Object parse(List<String> args, Object current, Loading loading) throws Invalid {
            String v = KvConfigSyntax.lower(args.get(0));
            if (!names.contains(v)) {
                throw new Invalid("argument(s) must be one of the following: " + String.join(", ", names));
            }
            return v;
        }

        @Override
        String show(Object value) {
            return (String) value;
        }

        @Override
        void rewrite(Object value, KvConfigRewrite state) {
            state.rewriteLine(name, name + " " + value, !value.equals(def));
        }
    }

    static final class Str extends Directive {
        private final String def;
        private final boolean emptyIsNull;
        /** The reason a value is refused, or null. */
        private final Function<String, String> check;

        Str(String name, int flags, String def, boolean emptyIsNull, Function<String, String> check) {
            super(name, flags);
            this.def = def;
            this.emptyIsNull = emptyIsNull;
            this.check = check;
        }

        @Override
        Object defaultValue() {
            return def;
        }

        @Override
        Object parse(List<String> args, Object current, Loading loading) throws Invalid {
            String v = args.get(0);
            String problem = check.apply(v);
            if (problem != null) {
                throw new Invalid(problem);
            }
            return emptyIsNull && v.isEmpty() ? null : v;
        }

        @Override
        String show(Object value) {
            return value == null ? "" : (String) value;
        }

        @Override
        void rewrite(Object value, KvConfigRewrite state) {
            if (value == null) {
                state.markProcessed(name); // absent from the file is what makes it null again
                return;
            }
            state.rewriteLine(name, name + " " + KvConfigSyntax.repr((String) value), !value.equals(def));
        }
    }

    /** save [seconds changes ...]: Redis's setConfigSaveOption. */
    static final class Save extends Directive {
        Save() {
            super("save", MULTI_ARG);
        }

        @Override
        Object defaultValue() {
            return DEFAULT_SAVE;
        }

        @Override
        @SuppressWarnings("unchecked")
        Object parse(List<String> args, Object current, Loading loading) throws Invalid {
            boolean clear = args.size() == 1 && args.get(0).isEmpty(); // save "": no save points
            List<String> a = clear ? List.of() : args;
            if (a.size() % 2 != 0) {
                throw new Invalid("Invalid save parameters");
            }
            List<Long> numbers = new ArrayList<>();
            for (int j = 0; j < a.size(); j++) {
                Long v = KvConfigSyntax.strtoll(a.get(j));
                if (v == null || (j % 2 == 0 && v < 1) || (j % 2 == 1 && v < 0)) {
                    throw new Invalid("Invalid save parameters");
                }
                numbers.add(v);
            }
            List<KvConfig.SavePoint> points = new ArrayList<>();
            if (loading != null && !clear && loading.saveLoaded) {
                points.addAll((List<KvConfig.SavePoint>) current); // later save lines of a file add points
            }
            if (loading != null) {
                loading.saveLoaded = true;
            }
            for (int j = 0; j < numbers.size(); j += 2) {
                // Redis keeps changes in an int: a larger count wraps as C's conversion does
                points.add(new KvConfig.SavePoint(numbers.get(j), (int) (long) numbers.get(j + 1)));
            }
            return List.copyOf(points);
        }

        @Override
        @SuppressWarnings("unchecked")
        String show(Object value) {
            List<String> parts = new ArrayList<>();
            for (KvConfig.SavePoint p : (List<KvConfig.SavePoint>) value) {
                parts.add(p.seconds() + " " + p.changes());
            }
            return String.join(" ", parts);
        }

        @Override
        @SuppressWarnings("unchecked")
        void rewrite(Object value, KvConfigRewrite state) {
            List<KvConfig.SavePoint> points = (List<KvConfig.SavePoint>) value;
            if (points.isEmpty()) {
                state.rewriteLine(name, "save \"\"", true); // written, or the defaults would come back
            }
            for (KvConfig.SavePoint p : points) {
                state.rewriteLine(name, "save " + p.seconds() + " " + p.changes(), true);
            }
            state.markProcessed(name);
        }
    }

    /**
     * bind addr [addr ...]: Redis's setConfigBindOption, and TeeMate's rule that every address is a loopback one:
     * the database is an emulator of an enclave and serves only this machine. A leading '-' marks an address that
     * may fail to bind (as in Redis).
     */
    static final class Bind extends Directive {
        private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

        Bind() {
            super("bind", MULTI_ARG);
        }

        @Override
        Object defaultValue() {
            return DEFAULT_BIND;
        }

        @Override
        Object parse(List<String> args, Object current, Loading loading) throws Invalid {
            if (args.size() > 16) {
                throw new Invalid("Too many bind addresses specified.");
            }
            List<String> addresses = args.size() == 1 && args.get(0).isEmpty() ? List.of() : List.copyOf(args);
            if (addresses.isEmpty()) {
                // Redis would listen nowhere ("Configured to not listen anywhere, exiting.")
                throw new Invalid("bind needs at least one address: the TeeMate database listens on loopback"
                        + " addresses only (127.0.0.1, ::1)");
            }
            for (String a : addresses) {
                String host = a.startsWith("-") ? a.substring(1) : a;
                if (!isLoopback(host)) {
                    throw new Invalid("bind address '" + a + "' is not a loopback address: the TeeMate database"
                            + " is an emulator and serves only this machine (127.0.0.1, ::1)");
                }
            }
            return addresses;
        }

        /** A loopback address written as a literal (127.0.0.0/8, ::1) or "localhost"; never a name lookup. */
        static boolean isLoopback(String host) {
            if (host.equalsIgnoreCase("localhost")) {
                return true;
            }
            var m = IPV4.matcher(host);
            if (m.matches()) {
                for (int i = 1; i <= 4; i++) {
                    if (Integer.parseInt(m.group(i)) > 255) {
                        return false;
                    }
                }
                return Integer.parseInt(m.group(1)) == 127;
            }
            if (host.indexOf(':') < 0 || host.indexOf('%') >= 0) {
                return false; // a host name (not looked up) or a scoped address
            }
            try {
                return InetAddress.getByName(host).isLoopbackAddress(); // a literal with ':' is never looked up
            } catch (UnknownHostException e) {
                return false;
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        String show(Object value) {
            return String.join(" ", (List<String>) value);
        }

        @Override
        void rewrite(Object value, KvConfigRewrite state) {
            if (value.equals(DEFAULT_BIND)) {
                state.markProcessed(name); // the default is left out, and old bind lines are blanked
                return;
            }
            state.rewriteLine(name, name + " " + show(value), true);
        }
    }

    /**
     * dir: the data directory. Redis chdirs into it, so it must exist; TeeMate makes the data directory on first
     * use, so a file may name one that does not exist yet. CONFIG SET (a protected config) needs an existing
     * directory, as Redis's chdir does. Relative paths are resolved against the working directory (Redis's chdir
     * resolves them against the previous dir). The value is the absolute path, as CONFIG GET shows Redis's.
     */
    static final class Dir extends Directive {
        Dir() {
            super("dir", PROTECTED);
        }

        @Override
        Object defaultValue() {
            return Path.of(DEFAULT_DIR).toAbsolutePath().normalize();
        }

        @Override
        Object parse(List<String> args, Object current, Loading loading) throws Invalid {
            String bytes = args.get(0);
            if (bytes.isEmpty()) {
                throw new Invalid("No such file or directory"); // chdir("")
            }
            Path dir;
            try {
                dir = Path.of(new String(bytes.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8))
                        .toAbsolutePath()
                        .normalize();
            } catch (InvalidPathException e) {
                throw new Invalid("Invalid argument");
            }
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new Invalid("Not a directory");
            }
            if (loading == null && !Files.isDirectory(dir)) {
                throw new Invalid("No such file or directory");
            }
            return dir;
        }

        @Override
        String show(Object value) {
            return new String(value.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        }

        @Override
        void rewrite(Object value, KvConfigRewrite state) {
            state.rewriteLine(name, name + " " + KvConfigSyntax.repr(show(value)), true); // always, absolute
        }
    }

    private static String baseName(String what, String v, String kind) {
        return v.indexOf('/') >= 0 || v.indexOf('\\') >= 0 ? what + " can't be a path, just a " + kind : null;
    }

    private static String nonEmptyBaseName(String what, String v, String kind) {
        return v.isEmpty() ? what + " can't be empty" : baseName(what, v, kind);
    }

    private static String heapSize(String v) {
        try {
            Sizes.parse(v);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** hz: Redis accepts any non-negative value and caps it to 1..500 (CONFIG_MIN_HZ, CONFIG_MAX_HZ). */
    private static long clampHz(long hz) {
        return Math.max(1, Math.min(500, hz));
    }

    private static final int INT_MAX = Integer.MAX_VALUE;

    /** The directives, by name, in the order CONFIG GET lists matches and CONFIG REWRITE appends lines. */
    static final Map<String, Directive> TABLE;

    static {
        List<Directive> all = List.of(
                new Bind(),
                new Numeric("port", 0, Unit.INTEGER, 0, 65535, 6379),
                new Numeric("databases", IMMUTABLE, Unit.INTEGER, 1, INT_MAX, 16),
                new Save(),
                new Bool("stop-writes-on-bgsave-error", 0, true),
                // Redis's default is dump.rdb; this database writes a sealed snapshot, which Redis cannot read
                new Str("dbfilename", PROTECTED, "dump.sealed", false, v -> baseName("dbfilename", v, "filename")),
                new Dir(),
                new Str("requirepass", 0, null, true, v -> null),
                new Numeric("maxmemory", 0, Unit.UNSIGNED_MEMORY, 0, -1L, 0),
                new Choice(
                        "maxmemory-policy",
                        0,
                        List.of(
                                "volatile-lru",
                                "volatile-lfu",
                                "volatile-random",
                                "volatile-ttl",
                                "allkeys-lru",
                                "allkeys-lfu",
                                "allkeys-random",
                                "noeviction"),
                        "noeviction"),
                new Bool("appendonly", 0, false),
                new Str(
                        "appendfilename",
                        IMMUTABLE,
                        "appendonly.aof",
                        false,
                        v -> nonEmptyBaseName("appendfilename", v, "filename")),
                new Str(
                        "appenddirname",
                        IMMUTABLE,
                        "appendonlydir",
                        false,
                        v -> nonEmptyBaseName("appenddirname", v, "dirname")),
                new Choice("appendfsync", 0, List.of("everysec", "always", "no"), "everysec"),
                new Numeric("auto-aof-rewrite-percentage", 0, Unit.INTEGER, 0, INT_MAX, 100),
                new Numeric("auto-aof-rewrite-min-size", 0, Unit.MEMORY, 0, Long.MAX_VALUE, 64L << 20),
                new Bool("aof-load-truncated", 0, true),
                new Numeric("hz", 0, Unit.INTEGER, 0, INT_MAX, 10, KvConfigDirectives::clampHz),
                new Numeric("proto-max-bulk-len", 0, Unit.MEMORY, 1L << 20, Long.MAX_VALUE, 512L << 20),
                new Choice("enable-protected-configs", IMMUTABLE, List.of("no", "yes", "local"), "no"),
                new Numeric("slowlog-log-slower-than", 0, Unit.INTEGER, -1, Long.MAX_VALUE, 10000),
                new Numeric("slowlog-max-len", 0, Unit.INTEGER, 0, Long.MAX_VALUE, 128),
                // the encoding thresholds (config.c), put into effect in the enclave (KvDatabase.encodingThresholds);
                // the defaults are what redis-server 7.0.15 answers to CONFIG GET
                new Numeric("hash-max-listpack-entries", 0, Unit.INTEGER, 0, Long.MAX_VALUE, 512),
                new Numeric("hash-max-listpack-value", 0, Unit.MEMORY, 0, Long.MAX_VALUE, 64),
                new Numeric("set-max-intset-entries", 0, Unit.INTEGER, 0, Long.MAX_VALUE, 512),
                new Numeric("zset-max-listpack-entries", 0, Unit.INTEGER, 0, Long.MAX_VALUE, 128),
                new Numeric("zset-max-listpack-value", 0, Unit.MEMORY, 0, Long.MAX_VALUE, 64),
                // accepted and kept, with no effect: Redis 7.0's lists are quicklists whatever their size
                new Numeric("list-max-listpack-size", 0, Unit.INTEGER, Integer.MIN_VALUE, INT_MAX, -2),
                // TeeMate's own
                new Choice("teemate-mode", IMMUTABLE, List.of("shared", "conventional"), "shared"),
                new Str("teemate-heap", IMMUTABLE, null, true, KvConfigDirectives::heapSize),
                new Numeric("teemate-epc-mib", IMMUTABLE, Unit.INTEGER, 8, INT_MAX, 1024));
        Map<String, Directive> table = new LinkedHashMap<>();
        for (Directive d : all) {
            table.put(d.name, d);
        }
        TABLE = java.util.Collections.unmodifiableMap(table);
    }

    /**
     * config.c's aliases: the names Redis 6 gave these directives. A file line, CONFIG SET and CONFIG GET take either
     * name for the same value (CONFIG GET's globs list both names, as Redis's).
     */
    static final Map<String, String> ALIASES = Map.of(
            "hash-max-ziplist-entries", "hash-max-listpack-entries",
            "hash-max-ziplist-value", "hash-max-listpack-value",
            "zset-max-ziplist-entries", "zset-max-listpack-entries",
            "zset-max-ziplist-value", "zset-max-listpack-value",
            "list-max-ziplist-size", "list-max-listpack-size");

    /** The directive {@code name} (lower case) stands for: itself, or what it is an alias of. */
    static String canonical(String name) {
        return ALIASES.getOrDefault(name, name);
    }

    /**
     * Every directive Redis 7.0.15 knows (CONFIG GET * of a redis-server 7.0.15, with the aliases, plus the
     * directives that are not configs: include, rename-command, user, loadmodule, sentinel), so that a redis.conf
     * line TeeMate does not implement is told apart from a misspelt one.
     */
    static final Set<String> REDIS_DIRECTIVES =
            Set.of(("acl-pubsub-default aclfile acllog-max-len active-defrag-cycle-max active-defrag-cycle-min"
                            + " active-defrag-ignore-bytes active-defrag-max-scan-fields active-defrag-threshold-lower"
                            + " active-defrag-threshold-upper active-expire-effort activedefrag activerehashing"
                            + " always-show-logo aof-disable-auto-gc aof-load-truncated aof-rewrite-incremental-fsync"
                            + " aof-timestamp-enabled aof-use-rdb-preamble aof_rewrite_cpulist appenddirname"
                            + " appendfilename appendfsync appendonly auto-aof-rewrite-min-size"
                            + " auto-aof-rewrite-percentage bgsave_cpulist bind bind-source-addr bio_cpulist"
                            + " busy-reply-threshold client-output-buffer-limit client-query-buffer-limit"
                            + " cluster-allow-pubsubshard-when-down cluster-allow-reads-when-down"
                            + " cluster-allow-replica-migration cluster-announce-bus-port cluster-announce-hostname"
                            + " cluster-announce-ip cluster-announce-port cluster-announce-tls-port cluster-config-file"
                            + " cluster-enabled cluster-link-sendbuf-limit cluster-migration-barrier"
                            + " cluster-node-timeout cluster-port cluster-preferred-endpoint-type"
                            + " cluster-replica-no-failover cluster-replica-validity-factor"
                            + " cluster-require-full-coverage cluster-slave-no-failover cluster-slave-validity-factor"
                            + " crash-log-enabled crash-memcheck-enabled daemonize databases dbfilename dir disable-thp"
                            + " dynamic-hz enable-debug-command enable-module-command enable-protected-configs"
                            + " hash-max-listpack-entries hash-max-listpack-value hash-max-ziplist-entries"
                            + " hash-max-ziplist-value hll-sparse-max-bytes hz ignore-warnings io-threads"
                            + " io-threads-do-reads jemalloc-bg-thread latency-monitor-threshold latency-tracking"
                            + " latency-tracking-info-percentiles lazyfree-lazy-eviction lazyfree-lazy-expire"
                            + " lazyfree-lazy-server-del lazyfree-lazy-user-del lazyfree-lazy-user-flush lfu-decay-time"
                            + " lfu-log-factor list-compress-depth list-max-listpack-size list-max-ziplist-size logfile"
                            + " loglevel lua-time-limit masterauth masteruser maxclients maxmemory maxmemory-clients"
                            + " maxmemory-eviction-tenacity maxmemory-policy maxmemory-samples min-replicas-max-lag"
                            + " min-replicas-to-write min-slaves-max-lag min-slaves-to-write no-appendfsync-on-rewrite"
                            + " notify-keyspace-events oom-score-adj oom-score-adj-values pidfile port"
                            + " proc-title-template propagation-error-behavior protected-mode proto-max-bulk-len"
                            + " rdb-del-sync-files rdb-save-incremental-fsync rdbchecksum rdbcompression"
                            + " repl-backlog-size repl-backlog-ttl repl-disable-tcp-nodelay repl-diskless-load"
                            + " repl-diskless-sync repl-diskless-sync-delay repl-diskless-sync-max-replicas"
                            + " repl-ping-replica-period repl-ping-slave-period repl-timeout replica-announce-ip"
                            + " replica-announce-port replica-announced replica-ignore-disk-write-errors"
                            + " replica-ignore-maxmemory replica-lazy-flush replica-priority replica-read-only"
                            + " replica-serve-stale-data replicaof requirepass sanitize-dump-payload save"
                            + " server_cpulist set-max-intset-entries set-proc-title shutdown-on-sigint"
                            + " shutdown-on-sigterm shutdown-timeout slave-announce-ip slave-announce-port"
                            + " slave-ignore-maxmemory slave-lazy-flush slave-priority slave-read-only"
                            + " slave-serve-stale-data slaveof slowlog-log-slower-than slowlog-max-len socket-mark-id"
                            + " stop-writes-on-bgsave-error stream-node-max-bytes stream-node-max-entries supervised"
                            + " syslog-enabled syslog-facility syslog-ident tcp-backlog tcp-keepalive timeout"
                            + " tls-auth-clients tls-ca-cert-dir tls-ca-cert-file tls-cert-file tls-ciphers"
                            + " tls-ciphersuites tls-client-cert-file tls-client-key-file tls-client-key-file-pass"
                            + " tls-cluster tls-dh-params-file tls-key-file tls-key-file-pass tls-port"
                            + " tls-prefer-server-ciphers tls-protocols tls-replication tls-session-cache-size"
                            + " tls-session-cache-timeout tls-session-caching tracking-table-max-keys unixsocket"
                            + " unixsocketperm zset-max-listpack-entries zset-max-listpack-value"
                            + " zset-max-ziplist-entries zset-max-ziplist-value"
                            + " include rename-command user loadmodule sentinel")
                    .split(" "));
}
