package io.teemate.kv.enclave;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DUMP and RESTORE in the engine (cluster.c dumpCommand, restoreCommand): the payload's layout, every value type
 * round trip, Redis's errors in Redis's order, the TTL and its propagation, IDLETIME/FREQ, and hostile payloads
 * (corrupted or cut DUMPs, with and without a recomputed checksum) that must be refused without harm.
 */
class DumpRestoreTest {
    private final KvRig rig = new KvRig();

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private String run(Object... words) {
        return run(rig, words);
    }

    /** Runs a command whose words are strings (ISO-8859-1) or byte arrays; the reply as ISO-8859-1. */
    static String run(KvRig rig, Object... words) {
        List<byte[]> argv = new ArrayList<>();
        for (Object w : words) {
            argv.add(w instanceof byte[] bytes ? bytes : b(w.toString()));
        }
        return new String(rig.engine.execute(argv), StandardCharsets.ISO_8859_1);
    }

    /** The payload DUMP answers for {@code key}. */
    private byte[] dump(String key) {
        String reply = run("DUMP", key);
        assertThat(reply).startsWith("$");
        int nl = reply.indexOf("\r\n");
        return b(reply.substring(nl + 2, reply.length() - 2));
    }

    private List<String> propagated() {
        return rig.engine.takePropagated().stream()
                .map(argv -> argv.stream()
                        .map(a -> new String(a, StandardCharsets.ISO_8859_1))
                        .collect(Collectors.joining(" ")))
                .toList();
    }

    /** {@code body} with the DUMP footer: RDB version 10 little-endian, then the CRC-64 of all before. */
    static byte[] withFooter(byte[] body, int version) {
        byte[] p = Arrays.copyOf(body, body.length + 10);
        p[body.length] = (byte) version;
        p[body.length + 1] = (byte) (version >>> 8);
        long crc = Crc64.update(0, p, 0, body.length + 2);
        for (int i = 0; i < 8; i++) {
            p[body.length + 2 + i] = (byte) (crc >>> (8 * i));
        }
        return p;
    }

    private void fillEveryType() {
        rig.cmd("SET s hello");
        rig.cmd("SET i 12345");
        rig.run("SET", "big", "x".repeat(70_000));
        rig.cmd("RPUSH l a b 3 -4");
        rig.cmd("SADD si 1 2 3 -9");
        rig.cmd("SADD ss a b c");
        rig.cmd("HSET h f v g 7");
        rig.cmd("ZADD z 1 a 2.5 b -inf c");
        for (int i = 0; i < 300; i++) {
            rig.run("RPUSH", "bl", "e" + i);
            rig.run("SADD", "bs", "m" + i);
            rig.run("HSET", "bh", "f" + i, "v".repeat(i % 80));
            rig.run("ZADD", "bz", Integer.toString(i), "m" + i);
        }
    }

    @Test
    void everyTypeGoesThroughDumpAndRestore() {
        fillEveryType();
        Map<String, Object> before = Dump.of(rig.ks);
        for (String key : before.keySet()) {
            byte[] p = dump(key);
            assertThat(DumpCommands.verifyDumpPayload(p)).as(key).isTrue();
            assertThat(p[p.length - 10]).isEqualTo((byte) 10);
            assertThat(p[p.length - 9]).isZero();
            assertThat(run("RESTORE", "copy:" + key, "0", p)).as(key).isEqualTo(KvRig.OK);
            assertThat(Dump.value(rig.ks, rig.ks.find(b("copy:" + key))))
                    .as(key)
                    .isEqualTo(before.get(key));
            assertThat(run("OBJECT", "ENCODING", "copy:" + key)).as(key).isEqualTo(run("OBJECT", "ENCODING", key));
        }
        assertThat(run("DUMP", "nosuchkey")).isEqualTo(KvRig.NIL);
        assertThat(run("DUMP", "s", "extra")).isEqualTo(KvRig.err("ERR wrong number of arguments for 'dump' command"));
    }

    @Test
    void errorsAreRedisesInRedisesOrder() {
        rig.cmd("SET k v");
        byte[] p = dump("k");
        assertThat(run("RESTORE", "k", "0", p)).isEqualTo(KvRig.err("BUSYKEY Target key name already exists."));
        assertThat(run("RESTORE", "k", "-1", "junk")).isEqualTo(KvRig.err("BUSYKEY Target key name already exists."));
        assertThat(run("RESTORE", "k", "0", p, "BOGUS")).isEqualTo(KvRig.err("ERR syntax error"));
        assertThat(run("RESTORE", "n", "-1", p)).isEqualTo(KvRig.err("ERR Invalid TTL value, must be >= 0"));
        assertThat(run("RESTORE", "n", "x", p)).isEqualTo(KvRig.err(CommandEngine.NOT_INTEGER));
        assertThat(run("RESTORE", "n", "0", p, "IDLETIME", "-1"))
                .isEqualTo(KvRig.err("ERR Invalid IDLETIME value, must be >= 0"));
        assertThat(run("RESTORE", "n", "0", p, "FREQ", "256"))
                .isEqualTo(KvRig.err("ERR Invalid FREQ value, must be >= 0 and <= 255"));
        assertThat(run("RESTORE", "n", "0", p, "FREQ", "x")).isEqualTo(KvRig.err(CommandEngine.NOT_INTEGER));
        assertThat(run("RESTORE", "n", "0", p, "IDLETIME", "1", "FREQ", "2")).isEqualTo(KvRig.err("ERR syntax error"));
        assertThat(run("RESTORE", "n", "0", p, "IDLETIME")).isEqualTo(KvRig.err("ERR syntax error"));
        String wrong = KvRig.err("ERR DUMP payload version or checksum are wrong");
        assertThat(run("RESTORE", "n", "0", "abc")).isEqualTo(wrong);
        byte[] flipped = p.clone();
        flipped[p.length - 1] ^= 1;
        assertThat(run("RESTORE", "n", "0", flipped)).isEqualTo(wrong);
        byte[] body = Arrays.copyOf(p, p.length - 10);
        assertThat(run("RESTORE", "n", "0", withFooter(body, 11))).isEqualTo(wrong);
        assertThat(run("RESTORE", "n", "0", withFooter(body, 9))).isEqualTo(KvRig.OK); // older versions load
        String bad = KvRig.err("ERR Bad data format");
        assertThat(run("RESTORE", "m", "0", withFooter(new byte[] {15, 0}, 10)))
                .as("a stream")
                .isEqualTo(bad);
        assertThat(run("RESTORE", "m", "0", withFooter(new byte[0], 10)))
                .as("nothing")
                .isEqualTo(bad);
        assertThat(run("RESTORE", "m", "0", withFooter(new byte[] {2, 0}, 10)))
                .as("an empty set")
                .isEqualTo(bad);
        assertThat(run("RESTORE", "m", "0", withFooter(new byte[] {0, 20, 'a'}, 10)))
                .as("cut")
                .isEqualTo(bad);
        assertThat(rig.ks.find(b("m"))).isZero();
        // the value is read from the whole payload, as rioInitWithBuffer does: it may run into the footer
        assertThat(run("RESTORE", "m", "0", withFooter(new byte[] {0, 5, 'a'}, 10)))
                .isEqualTo(KvRig.OK);
        assertThat(rig.cmd("STRLEN m")).isEqualTo(KvRig.integer(5));
        // REPLACE takes any type's place
        rig.cmd("RPUSH list x");
        assertThat(run("RESTORE", "list", "0", p, "REPLACE")).isEqualTo(KvRig.OK);
        assertThat(rig.cmd("GET list")).isEqualTo(KvRig.bulk("v"));
    }

    @Test
    void aRelativeTtlIsPropagatedAsAnAbsoluteOneAndAPastDeadlineCreatesNothing() {
        rig.cmd("SET k v");
        byte[] p = dump("k");
        propagated();
        long now = rig.now;
        assertThat(run("RESTORE", "a", "5000", p)).isEqualTo(KvRig.OK);
        assertThat(propagated())
                .hasSize(1)
                .first()
                .asString()
                .isEqualTo("RESTORE a " + (now + 5000) + " " + new String(p, StandardCharsets.ISO_8859_1) + " ABSTTL");
        assertThat(rig.cmd("PTTL a")).isEqualTo(KvRig.integer(5000));
        assertThat(run("RESTORE", "b", "0", p)).isEqualTo(KvRig.OK);
        assertThat(propagated()).containsExactly("RESTORE b 0 " + new String(p, StandardCharsets.ISO_8859_1));
        assertThat(rig.cmd("PTTL b")).isEqualTo(KvRig.integer(-1));
        assertThat(run("RESTORE", "c", Long.toString(now + 10), p, "ABSTTL")).isEqualTo(KvRig.OK);
        assertThat(propagated())
                .containsExactly(
                        "RESTORE c " + (now + 10) + " " + new String(p, StandardCharsets.ISO_8859_1) + " ABSTTL");
        assertThat(rig.cmd("PTTL c")).isEqualTo(KvRig.integer(10));

        long dirty = rig.engine.dirty();
        assertThat(run("RESTORE", "d", Long.toString(now - 1), p, "ABSTTL")).isEqualTo(KvRig.OK);
        assertThat(rig.ks.find(b("d"))).isZero();
        assertThat(propagated()).isEmpty();
        assertThat(rig.engine.dirty()).isEqualTo(dirty);
        assertThat(run("RESTORE", "a", Long.toString(now), p, "ABSTTL", "REPLACE"))
                .isEqualTo(KvRig.OK);
        assertThat(rig.ks.find(b("a")))
                .as("REPLACE deleted it, the deadline passed")
                .isZero();
        assertThat(propagated()).containsExactly("DEL a");
        assertThat(rig.engine.dirty()).isEqualTo(dirty + 1);
    }

    @Test
    void idletimeAndFreqSetTheAccessFieldAsObjectSetLruOrLfu() {
        rig.cmd("SET k v");
        byte[] p = dump("k");
        assertThat(run("RESTORE", "idle", "0", p, "IDLETIME", "1000")).isEqualTo(KvRig.OK);
        assertThat(rig.cmd("OBJECT IDLETIME idle")).isEqualTo(KvRig.integer(1000));
        assertThat(run("RESTORE", "f", "0", p, "FREQ", "100")).isEqualTo(KvRig.OK); // LRU policy: ignored
        assertThat(rig.cmd("OBJECT IDLETIME f")).isEqualTo(KvRig.integer(0));
        // an idle time beyond the 24-bit clock: "half-way in the circular LRU clock"
        assertThat(run("RESTORE", "old", "0", p, "IDLETIME", "999999999999")).isEqualTo(KvRig.OK);
        int clock = AccessTracking.lruClock(rig.now);
        int expected = (int) ((clock + AccessTracking.LRU_CLOCK_MAX / 2) % AccessTracking.LRU_CLOCK_MAX);
        assertThat(rig.ks.lru(rig.ks.findNoTouch(b("old")))).isEqualTo(expected);
    }

    /** RESTOREs {@code payload} at "victim"; if accepted, reads the value whole, DUMPs it and deletes it. */
    private static String restoreVictim(KvRig rig, byte[] payload) {
        String reply = run(rig, "RESTORE", "victim", "0", payload);
        if (reply.equals(KvRig.OK)) {
            assertThat(rig.cmd("TYPE victim")).isNotEqualTo("+none\r\n");
            Dump.value(rig.ks, rig.ks.find(b("victim")));
            assertThat(run(rig, "DUMP", "victim")).startsWith("$");
            assertThat(rig.cmd("DEL victim")).isEqualTo(KvRig.integer(1));
        }
        return reply;
    }

    /**
     * Hostile payloads: every single-byte change and every cut of valid DUMPs of every type, both as sent (the
     * checksum refuses most) and with the checksum recomputed (so the value's own checks are what stands). The
     * engine answers OK or an error, never throws; a refused payload leaves the keyspace and its memory as they
     * were (a second try takes no new memory), an accepted one leaves a value the commands can read and DEL frees.
     */
    @Test
    void corruptPayloadsAreRefusedCleanly() {
        fillEveryType();
        List<byte[]> payloads = new ArrayList<>();
        for (String key : List.of("s", "i", "l", "si", "ss", "h", "z", "bl", "bh", "bz")) {
            payloads.add(dump(key));
        }
        Map<String, Object> dataset = Dump.of(rig.ks);
        int[] counts = fuzz(rig, payloads, 14);
        assertThat(Dump.of(rig.ks)).isEqualTo(dataset);
        assertThat(counts[1]).as("refused").isPositive();
        assertThat(counts[0]).as("accepted").isPositive(); // flips inside strings and members make other, valid values
    }

    /**
     * RESTOREs corrupted variants of {@code payloads} at "victim" in {@code rig} (see
     * {@link #corruptPayloadsAreRefusedCleanly}); returns {accepted, refused}.
     */
    static int[] fuzz(KvRig rig, List<byte[]> payloads, long seed) {
        Random r = new Random(seed);
        int accepted = 0;
        int refused = 0;
        for (byte[] p : payloads) {
            byte[] body = Arrays.copyOf(p, p.length - 10);
            List<byte[]> variants = new ArrayList<>();
            for (int cut = 0; cut < body.length; cut += 1 + body.length / 200) {
                variants.add(withFooter(Arrays.copyOf(body, cut), 10));
            }
            for (int n = 0; n < 300; n++) {
                byte[] bad = body.clone();
                int flips = 1 + r.nextInt(3);
                for (int f = 0; f < flips; f++) {
                    bad[r.nextInt(bad.length)] ^= (byte) (1 << r.nextInt(8));
                }
                variants.add(withFooter(bad, 10));
                byte[] raw = p.clone();
                raw[r.nextInt(raw.length)] ^= (byte) (1 + r.nextInt(255));
                variants.add(raw);
            }
            for (byte[] v : variants) {
                String reply = restoreVictim(rig, v);
                if (reply.equals(KvRig.OK)) {
                    accepted++;
                } else {
                    refused++;
                    assertThat(reply)
                            .isIn(
                                    KvRig.err("ERR Bad data format"),
                                    KvRig.err("ERR DUMP payload version or checksum are wrong"));
                }
                // the allocator reuses what was freed: a second time takes no new memory unless the first leaked
                long used = rig.ks.usedBytes();
                assertThat(restoreVictim(rig, v)).isEqualTo(reply);
                assertThat(rig.ks.usedBytes())
                        .as(
                                "after %s to %s",
                                reply.strip(), java.util.HexFormat.of().formatHex(v))
                        .isEqualTo(used);
            }
        }
        return new int[] {accepted, refused};
    }
}
