package io.teemate.kv.enclave;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays commands whose replies were recorded from a real redis-server 7.0.15 (Debian 12), one connection, fresh
 * database, in {@code redis-7.0-replies.txt} ({@code > command} then the raw reply with CRLF written as \r\n), and
 * requires byte-identical replies. The script avoids order-dependent replies (KEYS, SMEMBERS, HGETALL of several
 * items, RANDOMKEY) and uses TTLs that cannot tick during the run.
 */
class RedisGoldenRepliesTest {
    @Test
    void everyReplyMatchesRealRedis() throws IOException {
        String golden;
        try (InputStream in = getClass().getResourceAsStream("/redis-7.0-replies.txt")) {
            golden = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        String[] lines = golden.split("\n");
        KvRig kv = new KvRig();
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (int i = 0; i + 1 < lines.length; i += 2) {
            assertThat(lines[i]).startsWith("> ");
            String command = lines[i].substring(2);
            String expected = lines[i + 1];
            String actual = kv.run(command.split(" ")).replace("\r\n", "\\r\\n");
            checked++;
            if (!actual.equals(expected)) {
                mismatches.add(command + "\n    redis: " + expected + "\n    ours:  " + actual);
            }
        }
        assertThat(checked).isGreaterThan(250);
        assertThat(mismatches).as("replies that differ from redis-server 7.0").isEmpty();
    }
}
