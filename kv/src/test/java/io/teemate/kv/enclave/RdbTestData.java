package io.teemate.kv.enclave;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** Random datasets for the RDB tests, hand-built RDB streams, and the expiries of a keyspace. */
final class RdbTestData {
    private RdbTestData() {}

    /** Deadline, by key, of every live key of {@code ks} (0 = none). */
    static Map<String, Long> expiries(Keyspace ks) {
        Map<String, Long> out = new TreeMap<>();
        ks.forEach(e -> out.put(Dump.s(ks.key(e)), ks.expireAt(e)));
        return out;
    }

    static byte[] export(Keyspace ks) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RdbWriter.write(ks, out);
        return out.toByteArray();
    }

    /**
     * Fills {@code kv} through its command engine with {@code keys} keys of every type, binary keys and values,
     * lengths on both sides of each RDB length-encoding boundary, and (if {@code expiries}) deadlines: some at least
     * {@code minTtlMs} ahead, some that pass when the caller advances the clock by {@code dyingWithinMs}.
     */
    static void fill(KvRig kv, long seed, int keys, boolean expiries, long minTtlMs, long dyingWithinMs) {
        Random r = new Random(seed);
        for (int i = 0; i < keys; i++) {
            String key = "k" + i + ":" + bytes(r, r.nextInt(6));
            switch (r.nextInt(4)) {
                case 0 -> kv.run("SET", key, value(r));
                case 1 -> kv.run(concat(new String[] {"RPUSH", key}, values(r, 1 + r.nextInt(12), true)));
                case 2 -> kv.run(concat(new String[] {"SADD", key}, values(r, 1 + r.nextInt(12), false)));
                default -> {
                    String[] fv = values(r, 2 * (1 + r.nextInt(8)), false);
                    kv.run(concat(new String[] {"HSET", key}, fv));
                }
            }
            if (expiries) {
                int pick = r.nextInt(6);
                if (pick == 0) {
                    kv.run("PEXPIREAT", key, Long.toString(kv.now + minTtlMs + r.nextInt(10_000_000)));
                } else if (pick == 1) {
                    kv.run("PEXPIREAT", key, Long.toString(kv.now + 1 + r.nextInt((int) dyingWithinMs)));
                }
            }
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** {@code n} values; for sets and hashes (not {@code repeats}) distinct, for lists with repeats. */
    private static String[] values(Random r, int n, boolean repeats) {
        List<String> out = new ArrayList<>();
        while (out.size() < n) {
            String v = out.isEmpty() || !repeats || r.nextInt(4) != 0 ? value(r) : out.get(r.nextInt(out.size()));
            if (repeats || !out.contains(v)) {
                out.add(v);
            }
        }
        return out.toArray(String[]::new);
    }

    /** A string of a length on either side of 64 and 16384 now and then, binary or integer-like. */
    static String value(Random r) {
        int len = switch (r.nextInt(40)) {
            case 0 -> 0;
            case 1 -> 63;
            case 2 -> 64;
            case 3 -> 16383;
            case 4 -> 16384 + r.nextInt(5000);
            case 5, 6, 7, 8 -> -1; // integer-like
            default -> r.nextInt(r.nextBoolean() ? 20 : 200);
        };
        if (len < 0) {
            return Long.toString(
                    switch (r.nextInt(4)) {
                        case 0 -> r.nextInt(256) - 128;
                        case 1 -> r.nextInt(65536) - 32768;
                        case 2 -> r.nextInt();
                        default -> r.nextLong();
                    });
        }
        return bytes(r, len);
    }

    /** {@code len} random bytes as an ISO-8859-1 string (any byte value). */
    static String bytes(Random r, int len) {
        byte[] b = new byte[len];
        r.nextBytes(b);
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** Builds RDB streams byte by byte, for inputs the writer never produces. */
    static final class Stream {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Stream(String magicAndVersion) {
            raw(magicAndVersion.getBytes(StandardCharsets.ISO_8859_1));
        }

        static Stream v10() {
            return new Stream("REDIS0010").op(Rdb.OPCODE_SELECTDB).len(0);
        }

        int size() {
            return out.size();
        }

        Stream op(int b) {
            out.write(b);
            return this;
        }

        Stream raw(byte... b) {
            out.writeBytes(b);
            return this;
        }

        Stream raw(int... b) {
            for (int x : b) {
                out.write(x);
            }
            return this;
        }

        Stream len(long n) {
            return raw(RdbWriter.encodeLength(n));
        }

        Stream str(String s) {
            byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
            return len(b.length).raw(b);
        }

        Stream string(String key, String value) {
            return op(Rdb.TYPE_STRING).str(key).str(value);
        }

        Stream expireMs(long at) {
            op(Rdb.OPCODE_EXPIRETIME_MS);
            for (int i = 0; i < 8; i++) {
                out.write((int) (at >>> (8 * i)));
            }
            return this;
        }

        /** EOF and the CRC-64 of everything before, little-endian. */
        byte[] end() {
            op(Rdb.OPCODE_EOF);
            long crc = Crc64.of(out.toByteArray());
            for (int i = 0; i < 8; i++) {
                out.write((int) (crc >>> (8 * i)));
            }
            return out.toByteArray();
        }

        /** EOF without a checksum (versions before 5). */
        byte[] endWithoutChecksum() {
            op(Rdb.OPCODE_EOF);
            return out.toByteArray();
        }
    }
}
