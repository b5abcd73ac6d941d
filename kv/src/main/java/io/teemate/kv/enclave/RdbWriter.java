package io.teemate.kv.enclave;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Streams a keyspace as an RDB version 10 file ("REDIS0010"), the format Redis 7.0 loads (redis/src/rdb.c
 * rdbSaveRio): aux fields, then per database that holds keys SELECTDB n and RESIZEDB, then per key of it an optional
 * EXPIRETIME_MS and the value as one of the
 * plain types RDB_TYPE_STRING, RDB_TYPE_LIST (the linked-list type Redis 7 still loads), RDB_TYPE_SET and
 * RDB_TYPE_HASH, every string raw and length-prefixed, and a sorted set as Redis 7.0 writes it
 * (RDB_TYPE_ZSET_LISTPACK or RDB_TYPE_ZSET_2, see {@link #writeZset}); then EOF and the CRC-64 of everything before it,
 * little-endian.
 * <p>Works on a read-only view ({@link Keyspace#attach} of a {@link io.teemate.enclave.memory.CowSpace#fork()}),
 * which is how a snapshot is taken while the database keeps serving writes. Output goes through a fixed 64 KiB
 * buffer: the file is never held in memory, only one value at a time (a list, set or hash is read whole before it
 * is written). Keys whose deadline has passed on the view's clock are skipped, as Redis's loader drops them
 * (rdb.c rdbLoadRio: an expired key is not loaded by a master), so the file holds exactly what a reader will get.
 * Empty collections (which the command engine never leaves) are skipped too: Redis 7 drops them as empty keys.
 */
public final class RdbWriter {
    /** The "redis-ver" aux field: the Redis release whose format this is. */
    static final String REDIS_VER = "7.0.0";

    static final int BUFFER = 64 * 1024;

    private RdbWriter() {}

    /**
     * Writes every live key of {@code ks} to {@code out} as an RDB file and flushes {@code out} (which stays open).
     *
     * @return the number of keys written
     */
    public static long write(Keyspace ks, OutputStream out) throws IOException {
        return write(ks, out, Map.of(), false);
    }

    /**
     * Writes {@code ks} as {@link #write(Keyspace, OutputStream)} does, with {@code extraAux} after the standard AUX
     * fields (ASCII), and, if {@code withExpired}, the keys whose deadline has passed too (with it): an
     * append-only file's base, whose later commands may still name them (Redis's rdbSaveRio writes them too).
     */
    public static long write(Keyspace ks, OutputStream out, Map<String, String> extraAux, boolean withExpired)
            throws IOException {
        Objects.requireNonNull(ks, "ks");
        Sink sink = new Sink(Objects.requireNonNull(out, "out"));
        sink.write(Rdb.MAGIC);
        sink.write(String.format("%04d", Rdb.VERSION).getBytes(StandardCharsets.US_ASCII));
        sink.aux("redis-ver", REDIS_VER);
        sink.aux("redis-bits", "64");
        sink.aux("ctime", Long.toString(ks.now() / 1000));
        sink.aux("teemate", "kv keyspace export");
        for (Map.Entry<String, String> aux : extraAux.entrySet()) {
            sink.aux(aux.getKey(), aux.getValue());
        }
        java.util.function.Consumer<java.util.function.LongConsumer> each =
                withExpired ? ks::forEachIncludingExpired : ks::forEach;

        long[] written = {0};
        int selected = ks.selected();
        try {
            for (int db = 0; db < ks.databases(); db++) {
                if (ks.size(db) == 0) {
                    continue; // rdb.c rdbSaveRio: "if (dictSize(d) == 0) continue;"
                }
                ks.select(db);
                // RESIZEDB is a sizing hint for the loader's tables (rdb.c: "Resize the hash tables"); one cheap
                // pass counts.
                long[] counts = new long[2];
                each.accept(e -> {
                    counts[0]++;
                    if (ks.expireAt(e) != 0) {
                        counts[1]++;
                    }
                });
                if (counts[0] == 0) {
                    continue; // only keys past their deadline, which the file leaves out
                }
                sink.writeByte(Rdb.OPCODE_SELECTDB);
                sink.writeLength(db);
                sink.writeByte(Rdb.OPCODE_RESIZEDB);
                sink.writeLength(counts[0]);
                sink.writeLength(counts[1]);
                each.accept(e -> {
                    try {
                        if (writeKey(ks, e, sink)) {
                            written[0]++;
                        }
                    } catch (IOException io) {
                        throw new UncheckedIOException(io);
                    }
                });
            }
        } catch (UncheckedIOException wrapped) {
            throw wrapped.getCause();
        } finally {
            ks.select(selected);
        }
        sink.writeByte(Rdb.OPCODE_EOF);
        sink.finish();
        return written[0];
    }

    /** Writes one key (expiry, type, key, value); false if it is an empty collection and was skipped. */
    private static boolean writeKey(Keyspace ks, long e, Sink sink) throws IOException {
        long ref = ks.valueRef(e);
        boolean empty = switch (ks.type(e)) {
            case Keyspace.TYPE_LIST -> ks.listLength(ref) == 0;
            case Keyspace.TYPE_SET, Keyspace.TYPE_HASH -> ks.dictCount(ref) == 0;
            case Keyspace.TYPE_ZSET -> new ZsetStore(ks).length(ref) == 0;
            default -> false;
        };
        if (empty) {
            return false;
        }
        long at = ks.expireAt(e);
        if (at != 0) {
            sink.writeByte(Rdb.OPCODE_EXPIRETIME_MS);
            sink.writeLongLE(at);
        }
        writeObject(ks, e, ks.key(e), sink);
        return true;
    }

    /**
     * The DUMP payload of entry {@code e} (cluster.c createDumpPayload): its value as {@link #writeObject} writes it
     * (rdbSaveObjectType, rdbSaveObject), then RDB_VERSION as 2 bytes little-endian, then the CRC-64 of all that,
     * little-endian.
     */
    static byte[] dumpPayload(Keyspace ks, long e) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            Sink sink = new Sink(out);
            writeObject(ks, e, null, sink);
            sink.writeByte(Rdb.VERSION & 0xFF);
            sink.writeByte(Rdb.VERSION >>> 8 & 0xFF);
            sink.finish();
        } catch (IOException cannot) {
            throw new UncheckedIOException(cannot); // a ByteArrayOutputStream does not fail
        }
        return out.toByteArray();
    }

    /**
     * The type byte, then the key if {@code key} is not null, then the value of entry {@code e}: a string, list,
     * set or hash as the plain types RDB_TYPE_STRING, RDB_TYPE_LIST, RDB_TYPE_SET, RDB_TYPE_HASH (every string raw
     * and length-prefixed), a sorted set as {@link #writeZset} does.
     */
    private static void writeObject(Keyspace ks, long e, byte[] key, Sink sink) throws IOException {
        long ref = ks.valueRef(e);
        int type = ks.type(e);
        if (type == Keyspace.TYPE_ZSET) {
            writeZset(ks, ref, key, sink);
            return;
        }
        List<byte[]> items;
        int rdbType;
        switch (type) {
            case Keyspace.TYPE_STRING -> {
                items = List.of(ks.readBlob(ref));
                rdbType = Rdb.TYPE_STRING;
            }
            case Keyspace.TYPE_LIST -> {
                items = ks.listRange(ref, 0, ks.listLength(ref) - 1);
                rdbType = Rdb.TYPE_LIST;
            }
            case Keyspace.TYPE_SET -> {
                items = ks.dictItems(ref, true, false);
                rdbType = Rdb.TYPE_SET;
            }
            case Keyspace.TYPE_HASH -> {
                items = ks.dictItems(ref, true, true);
                rdbType = Rdb.TYPE_HASH;
            }
            default ->
                throw new IllegalStateException("corrupt keyspace: key '"
                        + new String(ks.key(e), StandardCharsets.ISO_8859_1) + "' has value type " + type);
        }
        sink.writeByte(rdbType);
        if (key != null) {
            sink.writeString(key);
        }
        if (type == Keyspace.TYPE_STRING) {
            sink.writeString(items.get(0));
        } else {
            // A hash's count is of field/value pairs (rdb.c rdbSaveObject: hashTypeLength).
            sink.writeLength(type == Keyspace.TYPE_HASH ? items.size() / 2 : items.size());
            for (byte[] item : items) {
                sink.writeString(item);
            }
        }
    }

    /**
     * A sorted set as Redis 7.0's rdbSaveObject writes it: RDB_TYPE_ZSET_LISTPACK while listpack-encoded (see
     * {@link ZsetStore}), else RDB_TYPE_ZSET_2 with the members from the tail (highest) down, each followed by its
     * score as a little-endian binary double.
     */
    private static void writeZset(Keyspace ks, long z, byte[] key, Sink sink) throws IOException {
        ZsetStore zs = new ZsetStore(ks);
        if (!zs.skiplistEncoded(z)) {
            List<SortedSetCommands.Scored> items = SortedSetCommands.byRank(zs, z, 0, -1, false);
            sink.writeByte(Rdb.TYPE_ZSET_LISTPACK);
            if (key != null) {
                sink.writeString(key);
            }
            sink.writeString(ZsetListpack.encode(items));
            return;
        }
        sink.writeByte(Rdb.TYPE_ZSET_2);
        if (key != null) {
            sink.writeString(key);
        }
        sink.writeLength(zs.length(z));
        for (long n = zs.last(z); n != 0; n = zs.prev(n)) {
            sink.writeString(zs.member(n));
            sink.writeLongLE(Double.doubleToRawLongBits(zs.score(n)));
        }
    }

    /** The RDB length encoding of {@code len} (rdb.c rdbSaveLen): 6-bit, 14-bit, 32-bit or 64-bit big-endian. */
    static byte[] encodeLength(long len) {
        if (len < 0) {
            throw new IllegalArgumentException("negative length " + len);
        }
        if (len < 1 << 6) {
            return new byte[] {(byte) len};
        }
        if (len < 1 << 14) {
            return new byte[] {(byte) (Rdb.LEN_14BIT << 6 | len >>> 8), (byte) len};
        }
        if (len <= 0xFFFF_FFFFL) {
            return new byte[] {
                (byte) Rdb.LEN_32BIT, (byte) (len >>> 24), (byte) (len >>> 16), (byte) (len >>> 8), (byte) len
            };
        }
        byte[] b = new byte[9];
        b[0] = (byte) Rdb.LEN_64BIT;
        for (int i = 0; i < 8; i++) {
            b[1 + i] = (byte) (len >>> (56 - 8 * i));
        }
        return b;
    }

    /** A buffered output that keeps the running CRC-64 of everything it passed on. */
    private static final class Sink {
        private final OutputStream out;
        private final byte[] buf = new byte[BUFFER];
        private int pos;
        private long crc;

        Sink(OutputStream out) {
            this.out = out;
        }

        void writeByte(int b) throws IOException {
            if (pos == buf.length) {
                drain();
            }
            buf[pos++] = (byte) b;
        }

        void write(byte[] b) throws IOException {
            int off = 0;
            while (off < b.length) {
                if (pos == buf.length) {
                    drain();
                }
                int n = Math.min(b.length - off, buf.length - pos);
                System.arraycopy(b, off, buf, pos, n);
                pos += n;
                off += n;
            }
        }

        void writeLength(long len) throws IOException {
            write(encodeLength(len));
        }

        void writeString(byte[] s) throws IOException {
            writeLength(s.length);
            write(s);
        }

        void aux(String key, String value) throws IOException {
            writeByte(Rdb.OPCODE_AUX);
            writeString(key.getBytes(StandardCharsets.US_ASCII));
            writeString(value.getBytes(StandardCharsets.US_ASCII));
        }

        /** 8 bytes little-endian (rdb.c rdbSaveMillisecondTime, memrev64ifbe). */
        void writeLongLE(long v) throws IOException {
            for (int i = 0; i < 8; i++) {
                writeByte((int) (v >>> (8 * i)));
            }
        }

        private void drain() throws IOException {
            crc = Crc64.update(crc, buf, 0, pos);
            out.write(buf, 0, pos);
            pos = 0;
        }

        /** Drains the buffer, appends the CRC-64 of everything written (little-endian) and flushes. */
        void finish() throws IOException {
            drain();
            long sum = crc;
            for (int i = 0; i < 8; i++) {
                buf[i] = (byte) (sum >>> (8 * i));
            }
            out.write(buf, 0, 8);
            out.flush();
        }
    }
}
