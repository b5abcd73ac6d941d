package io.teemate.kv.host;

import io.teemate.host.container.Mode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The encoding thresholds (hash-max-listpack-*, set-max-intset-entries, zset-max-listpack-*) set by CONFIG SET under
 * their names and their Redis 6 aliases (*-ziplist-*), as Redis's own tests set them, and OBJECT ENCODING
 * following them: every reply the same as redis-server 7.0's.
 */
class EncodingThresholdsTest {
    private static ServerDiff diff;

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        diff = new ServerDiff();
    }

    @AfterAll
    static void stop() throws IOException {
        diff.close();
    }

    @Test
    void configSetOfAThresholdChangesWhatOBJECTENCODINGAnswers() throws IOException {
        assertThat(diff.script("""
                a> FLUSHALL
                a> CONFIG GET hash-max-listpack-entries
                a> CONFIG GET hash-max-ziplist-entries
                a> CONFIG SET hash-max-ziplist-entries 2
                a> CONFIG GET hash-max-listpack-entries
                a> CONFIG SET hash-max-listpack-value 4
                a> CONFIG GET hash-max-ziplist-value
                a> HSET h a 1 b 2
                a> OBJECT ENCODING h
                a> HSET h c 3
                a> OBJECT ENCODING h
                a> HSET g a 12345
                a> OBJECT ENCODING g
                a> HSET f abcd 1234
                a> OBJECT ENCODING f
                a> CONFIG SET set-max-intset-entries 3
                a> SADD s 1 2 3
                a> OBJECT ENCODING s
                a> SADD s 4
                a> OBJECT ENCODING s
                a> CONFIG SET zset-max-ziplist-entries 2 zset-max-listpack-value 3
                a> ZADD z 1 a 2 b
                a> OBJECT ENCODING z
                a> ZADD z 3 c
                a> OBJECT ENCODING z
                a> ZADD y 1 abcd
                a> OBJECT ENCODING y
                a> ZADD x 1 abc
                a> OBJECT ENCODING x
                a> ZUNIONSTORE w 1 z
                a> OBJECT ENCODING w
                a> CONFIG SET zset-max-listpack-entries 0
                a> ZADD v 1 a
                a> OBJECT ENCODING v
                a> CONFIG SET zset-max-listpack-entries 128 zset-max-ziplist-entries 1
                a> CONFIG SET set-max-intset-entries -1
                a> CONFIG SET hash-max-listpack-value 1kb
                a> CONFIG GET hash-max-listpack-value
                a> CONFIG SET list-max-ziplist-size -3
                a> CONFIG GET list-max-listpack-size
                a> CONFIG SET hash-max-listpack-entries 512 hash-max-listpack-value 64 set-max-intset-entries 512
                a> CONFIG SET zset-max-listpack-entries 128 zset-max-listpack-value 64 list-max-listpack-size -2
                """))
                .as("replies that differ from redis-server 7.0")
                .isEmpty();
    }

    /** The thresholds are the host's word: the enclave takes only the five names, each 0..LONG_MAX, all or none. */
    @Test
    void theEnclaveRefusesAnyOtherSettingAndChangesNothing(@TempDir Path dir) throws IOException {
        try (KvDatabase db = KvDatabase.open(new KvOptions(dir.resolve("db"), Mode.SHARED, "16M", 128))) {
            Map<String, Long> bad = new java.util.LinkedHashMap<>();
            bad.put("zset-max-listpack-entries", 0L);
            bad.put("maxmemory", 1L);
            assertThatThrownBy(() -> db.encodingThresholds(bad))
                    .isInstanceOf(KvException.class)
                    .hasMessageContaining("maxmemory is not an encoding threshold");
            assertThatThrownBy(() -> db.encodingThresholds(Map.of("set-max-intset-entries", -1L)))
                    .isInstanceOf(KvException.class)
                    .hasMessageContaining("above LONG_MAX");
            // the refused request's first, good, setting did not take effect
            db.execute(List.of(List.of("ZADD".getBytes(), "z".getBytes(), "1".getBytes(), "a".getBytes())));
            byte[] enc = db.execute(List.of(List.of("OBJECT".getBytes(), "ENCODING".getBytes(), "z".getBytes())))
                    .get(0);
            assertThat(new String(enc, java.nio.charset.StandardCharsets.US_ASCII))
                    .isEqualTo("$8\r\nlistpack\r\n");
        }
    }

    /** A glob lists a directive under both its names, as Redis 7.0's CONFIG GET does. */
    @Test
    void aGlobListsBothNames() throws IOException {
        diff.send("a", "CONFIG", "GET", "*max-ziplist*", "*max-listpack*", "*max-intset*");
        String[] replies = diff.read("a");
        assertThat(pairs(replies[1])).isEqualTo(pairs(replies[0]));
        assertThat(replies[1]).contains("hash-max-ziplist-entries").contains("hash-max-listpack-entries");
    }

    /** The name-value pairs of a CONFIG GET reply, as a map (Redis's order is its dict's). */
    private static Map<String, String> pairs(String reply) {
        List<String> lines = Arrays.stream(reply.split("\r\n"))
                .filter(l -> !l.startsWith("$") && !l.startsWith("*"))
                .toList();
        java.util.Map<String, String> m = new java.util.TreeMap<>();
        for (int i = 0; i + 1 < lines.size(); i += 2) {
            m.put(lines.get(i), lines.get(i + 1));
        }
        return m;
    }
}
