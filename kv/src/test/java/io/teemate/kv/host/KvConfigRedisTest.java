package io.teemate.kv.host;

import io.teemate.kv.RedisTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * KvConfig against a real redis-server 7.0: the defaults and formats CONFIG GET shows, the replies of CONFIG SET
 * (errors and the values it leaves), the reasons a bad file line is refused with, and the file CONFIG REWRITE
 * writes. Each server is started from a configuration file of its own (port, bind 127.0.0.1, dir, and what the
 * test adds), so that everything else is at Redis's compiled-in defaults.
 */
class KvConfigRedisTest {
    @TempDir
    Path dir;

    /** Differ on purpose (TeeMate's data directory and sealed snapshot, the test's port and bind). */
    private static final Set<String> OWN_VALUES = Set.of("port", "bind", "dir", "dbfilename");

    private static boolean comparable(String name) {
        return !name.startsWith("teemate-") && !OWN_VALUES.contains(name);
    }

    /** A redis-server child process started from {@code dir/redis.conf}. */
    static final class RealRedis implements AutoCloseable {
        final Process process;
        final int port;
        final Path conf;
        final Path log;
        private final RespClient client;

        RealRedis(Path dir, String extra) throws IOException, InterruptedException {
            port = freePort();
            conf = dir.resolve("redis.conf");
            log = dir.resolve("redis-server.log");
            Files.writeString(conf, "port " + port + "\nbind 127.0.0.1\ndir " + dir.toRealPath() + "\n" + extra);
            process = new ProcessBuilder(RedisTools.binary("redis-server").toString(), conf.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            RespClient c = null;
            for (int attempt = 0; attempt < 400 && c == null; attempt++) {
                if (!process.isAlive()) {
                    fail("redis-server exited before answering:\n" + Files.readString(log));
                }
                try {
                    c = new RespClient(port);
                } catch (IOException notYet) {
                    process.waitFor(50, TimeUnit.MILLISECONDS);
                }
            }
            if (c == null) {
                close();
                fail("redis-server did not accept a connection:\n" + Files.readString(log));
            }
            client = c;
            assertThat(call("PING")).isEqualTo("PONG");
        }

        Object call(String... words) throws IOException {
            return client.call(words);
        }

        Object call(List<String> words) throws IOException {
            return client.call(words.toArray(String[]::new));
        }

        @Override
        public void close() {
            try {
                if (client != null) {
                    client.close();
                }
            } catch (IOException ignored) {
                // the process is stopped below anyway
            }
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A CONFIG GET reply (a flat array) as a map. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> map(Object reply) {
        List<Object> flat = (List<Object>) reply;
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < flat.size(); i += 2) {
            m.put((String) flat.get(i), (String) flat.get(i + 1));
        }
        return m;
    }

    private static Map<String, String> map(List<String> flat) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < flat.size(); i += 2) {
            m.put(flat.get(i), flat.get(i + 1));
        }
        return m;
    }

    @Test
    void defaultsAreRedisOnesAndFormattedAsRedisFormatsThem() throws Exception {
        KvConfig ours = KvConfig.defaults();
        try (RealRedis redis = new RealRedis(dir, "")) {
            for (String name : KvConfigDirectives.TABLE.keySet()) {
                if (name.startsWith("teemate-")) {
                    continue; // TeeMate's own
                }
                String real = map(redis.call("CONFIG", "GET", name)).get(name);
                String mine = map(ours.get(List.of(name))).get(name);
                assertThat(real).as("redis-server knows %s", name).isNotNull();
                switch (name) {
                    case "port" -> {
                        assertThat(mine).isEqualTo("6379");
                        assertThat(real).isEqualTo(Integer.toString(redis.port)); // the test's own
                    }
                    case "dir" -> { // absolute paths, TeeMate's data directory
                        assertThat(real).isEqualTo(dir.toRealPath().toString());
                        assertThat(Path.of(mine).isAbsolute()).isTrue();
                    }
                    case "dbfilename" -> { // a sealed snapshot, not an RDB
                        assertThat(real).isEqualTo("dump.rdb");
                        assertThat(mine).isEqualTo("dump.sealed");
                    }
                    case "bind" -> { // addresses joined by spaces; TeeMate's is redis.conf's loopback line
                        assertThat(real).isEqualTo("127.0.0.1");
                        assertThat(mine).isEqualTo("127.0.0.1 -::1");
                    }
                    default -> assertThat(mine).as(name).isEqualTo(real);
                }
            }
            assertThat(map(ours.get(List.of("save"))).get("save")).isEqualTo("3600 1 300 100 60 10000");
        }
    }

    @Test
    void getWithPatternsAnswersWhatRedisAnswers() throws Exception {
        KvConfig ours = KvConfig.defaults();
        List<List<String>> queries = List.of(
                List.of("HZ"),
                List.of("HZ", "hz", "h?"),
                List.of("*aof*"),
                List.of("append*", "APPENDONLY"),
                List.of("max*", "s?ve", "[ab]*"),
                List.of("*"),
                List.of("nosuch", "[z]*"));
        try (RealRedis redis = new RealRedis(dir, "")) {
            for (List<String> q : queries) {
                List<String> args = new ArrayList<>(List.of("CONFIG", "GET"));
                args.addAll(q);
                Map<String, String> real = new TreeMap<>();
                map(redis.call(args)).forEach((name, value) -> {
                    if (KvConfigDirectives.TABLE.containsKey(
                            KvConfigDirectives.canonical(name.toLowerCase(java.util.Locale.ROOT)))) {
                        real.put(name, value); // Redis's other directives are not TeeMate's
                    }
                });
                Map<String, String> mine = new TreeMap<>(map(ours.get(q)));
                mine.keySet().removeIf(n -> n.startsWith("teemate-"));
                assertThat(mine.keySet()).as("%s", q).isEqualTo(real.keySet());
                mine.forEach((name, value) -> {
                    if (comparable(name)) {
                        assertThat(value).as("%s %s", q, name).isEqualTo(real.get(name));
                    }
                });
            }
        }
    }

    /** The same CONFIG SETs to both; every reply and the values after each must be the same. */
    @Test
    void setRepliesAndLeavesTheValuesRedisDoes() throws Exception {
        List<List<String>> sets = List.of(
                List.of("hz", "abc"),
                List.of("HZ", "abc"),
                List.of("hz", "-1"),
                List.of("hz", "010"),
                List.of("hz", "+5"),
                List.of("hz", "1000"),
                List.of("hz", "0"),
                List.of("hz", "20", "HZ", "30"),
                List.of("nosuch", "1"),
                List.of("Nosuch", "1"),
                List.of("hz", "20", "nosuch", "3", "appendfsync", "bad"),
                List.of("hz", "20", "databases", "3", "nosuch", "3"),
                List.of("nosuch", "3", "databases", "3"),
                List.of("hz", "20", "appendfsync", "bad"),
                List.of("databases", "4"),
                List.of("dir", "/tmp"),
                List.of("dbfilename", "x.rdb"),
                List.of("appendfilename", "x.aof"),
                List.of("appenddirname", "d"),
                List.of("enable-protected-configs", "yes"),
                List.of("port", "99999"),
                List.of("port", "-1"),
                List.of("port", "1", "hz"),
                List.of("port"),
                List.of("maxmemory", "1kb"),
                List.of("maxmemory", "1K"),
                List.of("maxmemory", "1GB"),
                List.of("maxmemory", ""),
                List.of("maxmemory", "-1"),
                List.of("maxmemory", "1.5m"),
                List.of("maxmemory", "99999999999999999999999"),
                List.of("maxmemory", "b"),
                List.of("maxmemory", "0"),
                List.of("proto-max-bulk-len", "99999999999999999999"),
                List.of("proto-max-bulk-len", "1000"),
                List.of("proto-max-bulk-len", "1mb"),
                List.of("proto-max-bulk-len", "20000000000kb"),
                List.of("proto-max-bulk-len", "10000000000gb"),
                List.of("auto-aof-rewrite-min-size", "-5"),
                List.of("auto-aof-rewrite-min-size", "1"),
                List.of("auto-aof-rewrite-min-size", "3G"),
                List.of("auto-aof-rewrite-percentage", "-5"),
                List.of("auto-aof-rewrite-percentage", "5%"),
                List.of("auto-aof-rewrite-percentage", "0"),
                List.of("appendonly", "maybe"),
                List.of("appendonly", "NO"),
                List.of("stop-writes-on-bgsave-error", "No"),
                List.of("aof-load-truncated", "nO"),
                List.of("save", "100 10 50"),
                List.of("save", "0 10"),
                List.of("save", "100 -1"),
                List.of("save", "100 10 200 abc"),
                List.of("save", "100  10"),
                List.of("save", " "),
                List.of("save", "100 10 "),
                List.of("save", "05 0x1"),
                List.of("save", "100 10 200 20"),
                List.of("save", "1 "),
                List.of("save", "+5 -0"),
                List.of("save", "\t5 1"),
                List.of("save", "100 4294967297"),
                List.of("save", "100 2147483648"),
                List.of("save", "9223372036854775808 1"),
                List.of("save", ""),
                List.of("save", "3600 1 300 100 60 10000"),
                List.of("maxmemory-policy", "ALLKEYS-LRU"),
                List.of("maxmemory-policy", "x"),
                List.of("appendfsync", "ALWAYS"),
                List.of("appendfsync", "sometimes"),
                List.of("requirepass", ""),
                List.of("hz", "10", "maxmemory", "5mb", "appendfsync", "no", "save", "60 1"),
                List.of("hz", "11", "maxmemory", "6mb", "maxmemory-policy", "nope"));
        KvConfig ours = KvConfig.load(null, Map.of("bind", List.of("127.0.0.1")));
        try (RealRedis redis = new RealRedis(dir, "")) {
            for (List<String> args : sets) {
                List<String> cmd = new ArrayList<>(List.of("CONFIG", "SET"));
                cmd.addAll(args);
                Object real = redis.call(cmd);
                String realReply = real instanceof RespClient.Err e ? e.message() : (String) real;
                String mine;
                try {
                    ours.set(args);
                    mine = "OK";
                } catch (KvConfigException e) {
                    mine = e.getMessage();
                }
                assertThat(mine).as("CONFIG SET %s", args).isEqualTo(realReply);
                Map<String, String> realValues = map(redis.call("CONFIG", "GET", "*"));
                map(ours.get(List.of("*"))).forEach((name, value) -> {
                    if (comparable(name)) {
                        assertThat(value)
                                .as("%s after CONFIG SET %s", name, args)
                                .isEqualTo(realValues.get(name));
                    }
                });
            }
        }
    }

    /** Bad lines give the reason redis-server gives for them (its FATAL CONFIG FILE ERROR's last line). */
    @Test
    void aBadLineIsRefusedForTheReasonRedisGives() throws Exception {
        List<String> lines = List.of(
                "appendfsync sometimes",
                "nosuch 1",
                "hz",
                "hz 1 2",
                "hz \"5",
                "hz 'a'b",
                "hz abc",
                "hz 5 # trailing words",
                "hz -1",
                "port 65536",
                "databases 0",
                "maxmemory 1.5m",
                "maxmemory -1",
                "proto-max-bulk-len 1000",
                "auto-aof-rewrite-min-size -5",
                "auto-aof-rewrite-percentage -5",
                "appendonly maybe",
                "aof-load-truncated 1",
                "maxmemory-policy lru",
                "save 100",
                "save 0 10",
                "save 100 -1",
                "save \"100 10 200\"",
                "dbfilename a/b",
                "appendfilename \"\"",
                "appendfilename a/b",
                "appenddirname \"\"",
                "appenddirname a/b",
                "enable-protected-configs maybe",
                "requirepass",
                "dir \"\"");
        Path bin = RedisTools.binary("redis-server");
        for (String line : lines) {
            Path f = dir.resolve("bad.conf");
            // port 0 and no socket: a file Redis accepted would make it exit, not serve
            Files.writeString(f, "port 0\n" + line + "\n");
            Process p = new ProcessBuilder(bin.toString(), f.toString())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(out).as(line).contains("*** FATAL CONFIG FILE ERROR (Redis 7.0.", ">>> '" + line + "'");
            List<String> outLines = out.strip().lines().toList();
            String reason = outLines.get(outLines.size() - 1);
            try {
                KvConfig.load(f);
                fail("KvConfig accepted '" + line + "', which Redis refuses: " + reason);
            } catch (KvConfigException e) {
                assertThat(e.getMessage())
                        .as(line)
                        .isEqualTo("bad config file " + f.toAbsolutePath() + " line 2: '" + line + "': " + reason);
            }
        }
    }

    /**
     * Both rewrite the same file after the same CONFIG SETs. Redis's appended lines come in its hash table's order
     * and include directives TeeMate does not have (latency-tracking-info-percentiles, user): the lines up to the
     * signature must be the same, and the appended ones the same set once Redis's own are left out.
     */
    @Test
    void rewriteWritesTheFileRedisWrites() throws Exception {
        String text = String.join(
                "\n",
                "# top comment",
                "",
                "",
                "   # indented comment",
                "HZ 10",
                "save 100 10",
                "  save 200 20",
                "appendfsync always",
                "appendfsync no",
                "maxmemory-policy noeviction",
                "databases 16",
                "");
        Path mine = Files.createDirectory(dir.resolve("mine"));
        Path theirs = Files.createDirectory(dir.resolve("theirs"));
        try (RealRedis redis = new RealRedis(theirs, text)) {
            // the same file: RealRedis's first lines, with its port, and the text
            Files.copy(redis.conf, mine.resolve("redis.conf"));
            KvConfig ours = KvConfig.load(mine.resolve("redis.conf"));
            List<List<List<String>>> rounds = List.of(
                    List.of(
                            List.of("hz", "20", "maxmemory", "1mb", "save", "300 3", "requirepass", "a b\"c\u0001"),
                            List.of("auto-aof-rewrite-percentage", "50", "proto-max-bulk-len", "1000000000"),
                            List.of("auto-aof-rewrite-min-size", "1gb", "stop-writes-on-bgsave-error", "no")),
                    List.of(List.of(
                            "save", "", "requirepass", "", "maxmemory", "3000", "maxmemory-policy", "allkeys-lfu")),
                    List.of(List.of("hz", "10", "save", "60 1 70 2 80 3", "appendfsync", "everysec")));
            for (List<List<String>> round : rounds) {
                for (List<String> args : round) {
                    List<String> cmd = new ArrayList<>(List.of("CONFIG", "SET"));
                    cmd.addAll(args);
                    assertThat(redis.call(cmd)).as("%s", args).isEqualTo("OK");
                    ours.set(args);
                }
                assertThat(redis.call("CONFIG", "REWRITE")).isEqualTo("OK");
                ours.rewrite();
                String real = Files.readString(redis.conf, StandardCharsets.ISO_8859_1);
                String written = Files.readString(mine.resolve("redis.conf"), StandardCharsets.ISO_8859_1);
                assertThat(head(written)).as("round %s", round).isEqualTo(head(real));
                assertThat(appended(written)).as("round %s", round).isEqualTo(appended(real));
            }
        }
    }

    /** The file up to its rewrite signature, with each server's own dir. */
    private static String head(String file) {
        int at = file.indexOf(KvConfigRewrite.SIGNATURE);
        String h = at < 0 ? file : file.substring(0, at);
        return h.replaceAll("(?m)^dir \".*\"$", "dir <dir>");
    }

    /** The lines after the signature that are TeeMate's directives, as a set. */
    private static Set<String> appended(String file) {
        int at = file.indexOf(KvConfigRewrite.SIGNATURE);
        Set<String> out = new LinkedHashSet<>();
        if (at < 0) {
            return out;
        }
        for (String line : file.substring(at).lines().skip(1).toList()) {
            List<String> argv = KvConfigSyntax.splitArgs(line);
            if (argv != null && !argv.isEmpty() && KvConfigDirectives.TABLE.containsKey(argv.get(0))) {
                out.add(line.startsWith("dir ") ? "dir <dir>" : line);
            }
        }
        return new java.util.TreeSet<>(out);
    }
}
