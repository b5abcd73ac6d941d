package io.teemate.kv.host;

import io.teemate.host.container.Mode;
import io.teemate.kv.abi.Glob;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The database's configuration, the Redis way: redis.conf directives read from a file with Redis 7.0's rules
 * (config.c loadServerConfigFromString), command-line options applied after the file, and CONFIG GET, CONFIG SET
 * and CONFIG REWRITE as Redis 7.0.15 answers them. The directives, their defaults, bounds and error texts are in
 * {@link KvConfigDirectives}; the line syntax in {@link KvConfigSyntax}; the rewrite in {@link KvConfigRewrite}.
 * <p><b>Strings are byte strings.</b> Names, values and patterns are Java strings whose chars are bytes (decode RESP
 * arguments and encode replies with ISO-8859-1), so that a value such as requirepass keeps its exact bytes, as in
 * Redis. The file is read and written the same way. Only {@link #dir()} decodes its bytes as UTF-8 into a path.
 * <p><b>Threads.</b> The values are one immutable map, {@link #values}: CONFIG SET builds a new map and publishes it
 * whole while holding this object's monitor (which also orders SETs and REWRITEs); readers (a cron thread, INFO)
 * take no lock and see the old map or the new one, never a mix. Each getter reads the map once.
 */
public final class KvConfig {
    /** A save point: BGSAVE after {@code seconds} if at least {@code changes} writes were made. */
    public record SavePoint(long seconds, long changes) {}

    /** maxmemory-policy: Redis's eight policies. */
    public enum MaxmemoryPolicy {
        VOLATILE_LRU,
        VOLATILE_LFU,
        VOLATILE_RANDOM,
        VOLATILE_TTL,
        ALLKEYS_LRU,
        ALLKEYS_LFU,
        ALLKEYS_RANDOM,
        NOEVICTION;

        /** The name as redis.conf and CONFIG GET write it: "allkeys-lru". */
        public String redisName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * Puts the values a CONFIG SET changed into effect (listen on the new port, start or stop the AOF, ...). It is
     * called with the changed directives' names once the new values are visible through the getters, under the
     * lock that orders CONFIG SETs. To refuse, throw {@link KvConfigException#setFailed}: the previous values are
     * restored and the applier is called once more with the same names so that it can return to them; a failure
     * of that second call is added to the thrown exception as suppressed.
     */
    @FunctionalInterface
    public interface Applier {
        void apply(Set<String> changed) throws KvConfigException;
    }

    /** The configuration file, absolute, or null when the server runs without one. */
    private final Path file;

    /**
     * Directive name (lower case) to value, for every directive of {@link KvConfigDirectives#TABLE}. Guarded by
     * this object's monitor for writes (CONFIG SET replaces the whole map); read without a lock: the map is
     * immutable and published through this volatile field.
     */
    private volatile Map<String, Object> values;

    private KvConfig(Path file, Map<String, Object> values) {
        this.file = file;
        this.values = Collections.unmodifiableMap(values);
    }

    private static Map<String, Object> defaultValues() {
        Map<String, Object> v = new LinkedHashMap<>();
        KvConfigDirectives.TABLE.forEach((name, d) -> v.put(name, d.defaultValue()));
        return v;
    }

    /** Every directive at its default, and no configuration file. */
    public static KvConfig defaults() {
        return new KvConfig(null, defaultValues());
    }

    /** The configuration in {@code file}. */
    public static KvConfig load(Path file) throws IOException {
        return load(file, Map.of());
    }

    /**
     * The configuration in {@code file} (none when null), then the command-line {@code overrides} in their
     * iteration order, each a directive name and its arguments, as Redis appends {@code --name args} to the file's
     * lines. So a later value replaces the file's, except for save, which adds its points to the file's as Redis's
     * does ({@code save ""} clears them).
     *
     * @throws KvConfigException naming the file, line and line text, or the option, and Redis's reason
     * @throws IOException       if the file cannot be read
     */
    public static KvConfig load(Path file, Map<String, List<String>> overrides) throws IOException {
        Map<String, Object> v = defaultValues();
        KvConfigDirectives.Loading loading = new KvConfigDirectives.Loading();
        Path abs = file == null ? null : file.toAbsolutePath();
        if (abs != null) {
            String text = new String(Files.readAllBytes(abs), StandardCharsets.ISO_8859_1);
            List<String> lines = KvConfigSyntax.splitOn(text, '\n');
            for (int i = 0; i < lines.size(); i++) {
                String line = KvConfigRewrite.trim(lines.get(i));
                if (line.isEmpty() || line.charAt(0) == '#') {
                    continue;
                }
                List<String> argv = KvConfigSyntax.splitArgs(line);
                String problem = argv == null ? "Unbalanced quotes in configuration line" : apply(v, argv, loading);
                if (problem != null) {
                    throw KvConfigException.badLine(abs, i + 1, line, problem);
                }
            }
        }
        for (Map.Entry<String, List<String>> o : overrides.entrySet()) {
            List<String> argv = new ArrayList<>();
            argv.add(o.getKey());
            argv.addAll(o.getValue());
            String problem = apply(v, argv, loading);
            if (problem != null) {
                throw new KvConfigException("bad option " + option(argv) + ": " + problem);
            }
        }
        return new KvConfig(abs, v);
    }

    /** {@code --name arg ...} as a user would type it, quoting the arguments that need it. */
    private static String option(List<String> argv) {
        StringBuilder b = new StringBuilder("--").append(argv.get(0));
        for (String a : argv.subList(1, argv.size())) {
            boolean plain = !a.isEmpty() && a.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '"' && c != '\'');
            b.append(' ').append(plain ? a : KvConfigSyntax.repr(a));
        }
        return b.toString();
    }

    /** One directive line's arguments into {@code v}; the reason it is refused, or null. */
    private static String apply(Map<String, Object> v, List<String> argv, KvConfigDirectives.Loading loading) {
        if (argv.isEmpty()) {
            return null;
        }
        String name = KvConfigDirectives.canonical(KvConfigSyntax.lower(argv.get(0)));
        KvConfigDirectives.Directive d = KvConfigDirectives.TABLE.get(name);
        if (d == null) {
            if (name.equals("include") && argv.size() == 2) {
                return "include is not supported: write the directives in this one file";
            }
            if (KvConfigDirectives.REDIS_DIRECTIVES.contains(name)) {
                return "'" + name + "' is a Redis 7.0 directive that the TeeMate database does not support";
            }
            return "Bad directive or wrong number of arguments";
        }
        if (!d.is(KvConfigDirectives.MULTI_ARG) && argv.size() != 2) {
            return "wrong number of arguments";
        }
        List<String> args = argv.subList(1, argv.size());
        if (d.is(KvConfigDirectives.MULTI_ARG)
                && args.size() == 1
                && !args.get(0).isEmpty()) {
            args = KvConfigSyntax.splitOn(args.get(0), ' '); // save "900 1 300 10" is save 900 1 300 10
        }
        try {
            v.put(name, d.parse(args, v.get(name), loading));
            return null;
        } catch (KvConfigDirectives.Invalid e) {
            return e.getMessage();
        }
    }

    /** The configuration file (absolute), or null. */
    public Path file() {
        return file;
    }

    // ---- CONFIG GET / SET / REWRITE

    /**
     * CONFIG GET pattern [pattern ...]: name, value, name, value... Each directive once. A pattern without
     * {@code * ? [} is looked up by name (case-insensitive) and answered under the name as given, as Redis does;
     * the others are globs (case-insensitive) answered under the directive's own name.
     */
    public List<String> get(List<String> patterns) {
        Map<String, Object> v = values;
        // a name (a directive's or an alias's) to what it is answered under; each name once
        Map<String, String> matches = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(KvConfigDirectives.TABLE.keySet());
        names.addAll(new java.util.TreeSet<>(KvConfigDirectives.ALIASES.keySet()));
        for (String p : patterns) {
            if (p.indexOf('*') < 0 && p.indexOf('?') < 0 && p.indexOf('[') < 0) {
                String name = KvConfigSyntax.lower(p);
                if (KvConfigDirectives.TABLE.containsKey(KvConfigDirectives.canonical(name))) {
                    matches.putIfAbsent(name, p);
                }
                continue;
            }
            byte[] pattern = p.getBytes(StandardCharsets.ISO_8859_1);
            for (String name : names) {
                if (!matches.containsKey(name)
                        && Glob.matches(pattern, name.getBytes(StandardCharsets.ISO_8859_1), true)) {
                    matches.put(name, name);
                }
            }
        }
        List<String> out = new ArrayList<>();
        matches.forEach((name, as) -> {
            String directive = KvConfigDirectives.canonical(name);
            out.add(as);
            out.add(KvConfigDirectives.TABLE.get(directive).show(v.get(directive)));
        });
        return out;
    }

    /** CONFIG SET without an applier: see {@link #set(List, Applier)}. */
    public Set<String> set(List<String> nameValuePairs) {
        return set(nameValuePairs, changed -> {});
    }

    /**
     * CONFIG SET name value [name value ...], all or nothing, as Redis 7.0: every name is checked first (unknown,
     * immutable, protected, duplicate: the first problem in argument order is the reply), then every value is
     * parsed into a new set of values; only if all are good is it published and {@code applier} called.
     *
     * @param nameValuePairs the arguments after CONFIG SET
     * @return the names (lower case) whose values changed; empty when every value was already so
     * @throws KvConfigException with Redis's reply: "ERR Unknown option or number of arguments for CONFIG SET -
     *                           'name'", "ERR CONFIG SET failed (possibly related to argument 'name') - reason",
     *                           "ERR syntax error" for an odd number of arguments
     */
    public synchronized Set<String> set(List<String> nameValuePairs, Applier applier) {
        if (nameValuePairs.size() < 2) {
            throw new KvConfigException("ERR wrong number of arguments for 'config|set' command");
        }
        if (nameValuePairs.size() % 2 != 0) {
            throw new KvConfigException("ERR syntax error");
        }
        Map<String, Object> current = values;
        int count = nameValuePairs.size() / 2;
        List<KvConfigDirectives.Directive> directives = new ArrayList<>();
        Set<String> typedNames = new java.util.HashSet<>();
        String unknown = null;
        String failedArgument = null;
        String reason = null;
        for (int i = 0; i < count; i++) {
            String typed = nameValuePairs.get(2 * i);
            KvConfigDirectives.Directive d =
                    KvConfigDirectives.TABLE.get(KvConfigDirectives.canonical(KvConfigSyntax.lower(typed)));
            boolean invalid = unknown != null || reason != null;
            if (d == null) {
                if (!invalid) {
                    unknown = typed;
                }
                continue;
            }
            if (invalid) {
                continue;
            }
            if (d.is(KvConfigDirectives.IMMUTABLE)) {
                failedArgument = typed;
                reason = "can't set immutable config";
            } else if (d.is(KvConfigDirectives.PROTECTED) && !protectedConfigsAllowed(current)) {
                failedArgument = typed;
                reason = "can't set protected config";
            } else if (typedNames.contains(KvConfigSyntax.lower(typed))) {
                // by name: a directive and its alias may both be given, the later wins (Redis 7.0 keeps an alias as
                // a config of its own)
                failedArgument = typed;
                reason = "duplicate parameter";
            }
            directives.add(d);
            typedNames.add(KvConfigSyntax.lower(typed));
        }
        if (unknown != null) {
            throw new KvConfigException("ERR Unknown option or number of arguments for CONFIG SET - '" + unknown + "'");
        }
        if (reason != null) {
            throw KvConfigException.setFailed(failedArgument, reason);
        }
        Map<String, Object> next = new LinkedHashMap<>(current);
        Set<String> changed = new LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
            KvConfigDirectives.Directive d = directives.get(i);
            String value = nameValuePairs.get(2 * i + 1);
            List<String> args =
                    d.is(KvConfigDirectives.MULTI_ARG) ? KvConfigSyntax.splitOn(value, ' ') : List.of(value);
            Object parsed;
            try {
                parsed = d.parse(args, next.get(d.name), null);
            } catch (KvConfigDirectives.Invalid e) {
                throw KvConfigException.setFailed(d.name, e.getMessage());
            }
            if (!Objects.equals(parsed, next.get(d.name))) {
                next.put(d.name, parsed);
                changed.add(d.name);
            }
        }
        if (changed.isEmpty()) {
            return Set.of();
        }
        values = Collections.unmodifiableMap(next);
        try {
            applier.apply(Collections.unmodifiableSet(changed));
        } catch (RuntimeException e) { // a KvConfigException, or a bug in the applier: either way, undo
            values = current;
            try {
                applier.apply(Collections.unmodifiableSet(changed));
            } catch (RuntimeException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
        return Collections.unmodifiableSet(changed);
    }

    /** enable-protected-configs yes, or local: every client is local, the server listening on loopback only. */
    private static boolean protectedConfigsAllowed(Map<String, Object> v) {
        return !"no".equals(v.get("enable-protected-configs"));
    }

    /**
     * CONFIG REWRITE: the file this configuration was loaded from, rewritten as Redis's rewriteConfig does
     * (comments and unknown lines kept, changed directives replaced in place, directives not in the file appended
     * after "# Generated by CONFIG REWRITE" when they are not at their defaults, {@code dir} and {@code save}
     * always written), then replaced atomically: a temporary file beside it, forced to disk, renamed over it. The
     * new file is readable by its owner only (it may hold requirepass); Redis's is 0644 less the umask.
     *
     * @throws KvConfigException "ERR The server is running without a config file", or "ERR Rewriting config
     *                           file: reason"
     */
    public synchronized void rewrite() {
        if (file == null) {
            throw new KvConfigException("ERR The server is running without a config file");
        }
        Map<String, Object> v = values;
        try {
            String old = Files.exists(file)
                    ? new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)
                    : null; // as Redis: a file that is gone is written anew
            KvConfigRewrite state = KvConfigRewrite.read(
                    old, n -> KvConfigDirectives.TABLE.containsKey(KvConfigDirectives.canonical(n)));
            KvConfigDirectives.TABLE.forEach((name, d) -> d.rewrite(v.get(name), state));
            byte[] content = state.content().getBytes(StandardCharsets.ISO_8859_1);
            SnapshotFiles.replace(file, out -> out.write(content));
        } catch (IOException e) {
            throw new KvConfigException("ERR Rewriting config file: " + reason(e), e);
        }
    }

    /** An I/O failure as strerror would say it, where Java says the same thing differently. */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    // ---- typed values, for the server

    private Object value(String name) {
        return values.get(name);
    }

    private String string(String name) {
        return (String) value(name);
    }

    private long number(String name) {
        return (Long) value(name);
    }

    private boolean bool(String name) {
        return (Boolean) value(name);
    }

    /** port: the TCP port (0..65535; in Redis 0 means no TCP listener). */
    public int port() {
        return (int) number("port");
    }

    /**
     * bind: the addresses to listen on, loopback ones only, as written (a leading '-' marks one that may fail to
     * bind, as "-::1" when the machine has no IPv6).
     */
    @SuppressWarnings("unchecked")
    public List<String> bindAddresses() {
        return (List<String>) value("bind");
    }

    /** dir: the data directory, absolute. */
    public Path dir() {
        return (Path) value("dir");
    }

    /** dbfilename: the sealed snapshot's file name in {@link #dir()}. */
    public String dbfilename() {
        return string("dbfilename");
    }

    /** save: the save points, none when saving is off. */
    @SuppressWarnings("unchecked")
    public List<SavePoint> savePoints() {
        return (List<SavePoint>) value("save");
    }

    public boolean appendonly() {
        return bool("appendonly");
    }

    public String appendfilename() {
        return string("appendfilename");
    }

    public String appenddirname() {
        return string("appenddirname");
    }

    public KvOptions.Aof.Fsync appendfsync() {
        return KvOptions.Aof.Fsync.parse(string("appendfsync"));
    }

    public int autoAofRewritePercentage() {
        return (int) number("auto-aof-rewrite-percentage");
    }

    public long autoAofRewriteMinSize() {
        return number("auto-aof-rewrite-min-size");
    }

    public boolean aofLoadTruncated() {
        return bool("aof-load-truncated");
    }

    public boolean stopWritesOnBgsaveError() {
        return bool("stop-writes-on-bgsave-error");
    }

    /** maxmemory in bytes, an unsigned 64-bit number (compare with {@link Long#compareUnsigned}); 0 is no limit. */
    public long maxmemory() {
        return number("maxmemory");
    }

    public MaxmemoryPolicy maxmemoryPolicy() {
        return MaxmemoryPolicy.valueOf(
                string("maxmemory-policy").toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** requirepass as bytes in chars (ISO-8859-1), or null when no password is required. */
    public String requirepass() {
        return string("requirepass");
    }

    /** hz, already capped to 1..500 as Redis caps it. */
    public int hz() {
        return (int) number("hz");
    }

    /** slowlog-log-slower-than in microseconds: -1 logs nothing, 0 every command. */
    public long slowlogLogSlowerThan() {
        return number("slowlog-log-slower-than");
    }

    public long slowlogMaxLen() {
        return number("slowlog-max-len");
    }

    public long protoMaxBulkLen() {
        return number("proto-max-bulk-len");
    }

    public int databases() {
        return (int) number("databases");
    }

    /** The encoding thresholds the enclave's engine follows ({@link KvDatabase#encodingThresholds}), by name. */
    public static final List<String> ENCODING_THRESHOLDS = List.of(
            "hash-max-listpack-entries",
            "hash-max-listpack-value",
            "set-max-intset-entries",
            "zset-max-listpack-entries",
            "zset-max-listpack-value");

    /** {@link #ENCODING_THRESHOLDS} with their values, in that order. */
    public Map<String, Long> encodingThresholds() {
        Map<String, Object> v = values;
        Map<String, Long> out = new LinkedHashMap<>();
        for (String name : ENCODING_THRESHOLDS) {
            out.put(name, (Long) v.get(name));
        }
        return out;
    }

    /** teemate-mode: how BGSAVE and BGREWRITEAOF fork. */
    public Mode mode() {
        return Mode.parse(string("teemate-mode"));
    }

    /** teemate-heap: the enclave heap for a new data directory ("1G"), or null for the directory's own. */
    public String heap() {
        return string("teemate-heap");
    }

    /** teemate-epc-mib: the emulated machine's EPC. */
    public int epcMiB() {
        return (int) number("teemate-epc-mib");
    }

    /**
     * The options to open the database with: dir, dbfilename, databases, teemate-mode, -heap, -epc-mib, and the
     * AOF's.
     */
    public KvOptions options() {
        Map<String, Object> v = values;
        return new KvOptions(
                (Path) v.get("dir"),
                Mode.parse((String) v.get("teemate-mode")),
                (String) v.get("teemate-heap"),
                (int) (long) (Long) v.get("teemate-epc-mib"),
                new KvOptions.Aof(appendonly(), appenddirname(), appendfilename(), appendfsync(), aofLoadTruncated()),
                dbfilename(),
                databases());
    }
}
