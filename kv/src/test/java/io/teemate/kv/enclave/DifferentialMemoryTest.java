package io.teemate.kv.enclave;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MEMORY (object.c memoryCommand), COPY ... DB n across the numbered databases and FLUSHALL/FLUSHDB's ASYNC|SYNC,
 * against a real redis-server 7.0: replies and errors byte for byte where they are Redis's; MEMORY USAGE's and
 * MEMORY STATS's numbers are the engine's own, so for them the shape, the field names and that more data reports
 * more bytes.
 */
class DifferentialMemoryTest {
    private static RedisDiff diff;

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        diff = new RedisDiff();
    }

    @AfterAll
    static void stop() throws IOException {
        diff.close();
    }

    @Test
    void copyToAnotherDatabaseAndFlushModes() throws IOException {
        assertThat(diff.script("""
                        FLUSHALL
                        SET a 1
                        COPY a b DB 1
                        COPY a b DB 1
                        COPY a a DB 1
                        SELECT 1
                        GET b
                        COPY b b
                        COPY b b DB 0
                        COPY b c DB 1
                        SELECT 0
                        GET b
                        RPUSH l x y
                        PEXPIRE l 100000000
                        COPY l l DB 2
                        SELECT 2
                        LRANGE l 0 -1
                        TTL l
                        SET l other
                        COPY l l DB 2
                        SELECT 0
                        COPY l l DB 2
                        COPY l l DB 2 REPLACE
                        SELECT 2
                        TYPE l
                        TTL l
                        SELECT 0
                        HSET h f v
                        COPY h h DB 15 REPLACE
                        COPY h h DB 16
                        SELECT 15
                        HGETALL h
                        SELECT 0
                        FLUSHDB ASYNC
                        DBSIZE
                        SELECT 2
                        DBSIZE
                        FLUSHDB SYNC
                        DBSIZE
                        SELECT 15
                        DBSIZE
                        FLUSHALL ASYNC
                        DBSIZE
                        FLUSHALL SYNC
                        FLUSHALL sync
                        FLUSHDB async
                        FLUSHDB FOO
                        FLUSHALL SYNC ASYNC
                        FLUSHALL LAZY
                        SELECT 0
                        """)).isEmpty();
    }

    @Test
    void memorySubcommandsAnswerAsRedis() throws IOException {
        assertThat(diff.script("""
                        FLUSHALL
                        MEMORY FOO
                        MEMORY HELP
                        MEMORY help
                        MEMORY HELP x
                        MEMORY STATS x
                        MEMORY DOCTOR x
                        MEMORY DOCTOR
                        MEMORY PURGE
                        MEMORY PURGE x
                        MEMORY MALLOC-STATS x
                        MEMORY USAGE
                        MEMORY USAGE nokey
                        MEMORY USAGE nokey SAMPLES 0
                        MEMORY USAGE nokey SAMPLES -1
                        MEMORY USAGE nokey SAMPLES x
                        MEMORY USAGE nokey FOO
                        MEMORY USAGE nokey SAMPLES
                        MEMORY USAGE nokey SAMPLES 5 SAMPLES 1
                        SET k v
                        MEMORY USAGE k SAMPLES -1
                        """)).isEmpty();
        assertThat(diff.engine("MEMORY", "MALLOC-STATS")).startsWith("$");
        assertThat(diff.redis("MEMORY", "MALLOC-STATS")).startsWith("$");
    }

    /** MEMORY USAGE of each type: an integer on both, and a bigger value reports more bytes on both. */
    @Test
    void memoryUsageGrowsWithTheValue() throws IOException {
        diff.exact("FLUSHALL");
        for (String size : new String[] {"small", "big"}) {
            int n = size.equals("small") ? 3 : 600;
            List<String> members = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                members.add("member-" + i);
            }
            both("SET", "s:" + size, "x".repeat(n * 8));
            both(concat(new String[] {"RPUSH", "l:" + size}, members));
            both(concat(new String[] {"SADD", "t:" + size}, members));
            List<String> pairs = new ArrayList<>();
            List<String> scored = new ArrayList<>();
            for (String m : members) {
                pairs.add(m);
                pairs.add("value of " + m);
                scored.add(Integer.toString(m.length()));
                scored.add(m);
            }
            both(concat(new String[] {"HSET", "h:" + size}, pairs));
            both(concat(new String[] {"ZADD", "z:" + size}, scored));
        }
        for (String type : new String[] {"s", "l", "t", "h", "z"}) {
            for (String samples : new String[] {"5", "0"}) {
                long[] small = usage(type + ":small", samples);
                long[] big = usage(type + ":big", samples);
                assertThat(small[0]).as("redis " + type).isPositive().isLessThan(big[0]);
                assertThat(small[1]).as("engine " + type).isPositive().isLessThan(big[1]);
            }
        }
    }

    /** MEMORY STATS: Redis's field names in its order, a db.N map per database that holds keys. */
    @Test
    void memoryStatsHasRedisFields() throws IOException {
        diff.exact("FLUSHALL");
        both("SET", "a", "1");
        both("SELECT", "3");
        both("SET", "b", "2");
        both("SELECT", "0");
        List<String> redis = names(diff.redis("MEMORY", "STATS"));
        List<String> engine = names(diff.engine("MEMORY", "STATS"));
        assertThat(redis).contains("db.0", "db.3", "keys.count", "dataset.bytes");
        assertThat(engine).isEqualTo(redis);
    }

    private static void both(String... words) throws IOException {
        String r = diff.redis(words);
        String e = diff.engine(words);
        assertThat(e).as(String.join(" ", words)).isEqualTo(r);
    }

    private static String[] concat(String[] a, List<String> b) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(b);
        return all.toArray(new String[0]);
    }

    private static long[] usage(String key, String samples) throws IOException {
        String r = diff.redis("MEMORY", "USAGE", key, "SAMPLES", samples);
        String e = diff.engine("MEMORY", "USAGE", key, "SAMPLES", samples);
        assertThat(r).startsWith(":");
        assertThat(e).startsWith(":");
        return new long[] {
            Long.parseLong(r.substring(1).strip()),
            Long.parseLong(e.substring(1).strip())
        };
    }

    /** The field names of a MEMORY STATS reply (flat name/value array; a db.N value's own names after it). */
    static List<String> names(String reply) {
        String[] lines = reply.split("\r\n");
        List<String> out = new ArrayList<>();
        int i = 1; // past the top-level *N
        while (i < lines.length) {
            String name = lines[i + 1]; // $len, name
            out.add(name);
            i += 2;
            if (lines[i].startsWith("*")) { // db.N: *6 then three name/integer pairs
                int n = Integer.parseInt(lines[i].substring(1));
                i++;
                for (int j = 0; j < n / 2; j++) {
                    out.add(name + "/" + lines[i + 1]);
                    i += 3;
                }
            } else {
                i += lines[i].startsWith("$") ? 2 : 1;
            }
        }
        return out;
    }
}
