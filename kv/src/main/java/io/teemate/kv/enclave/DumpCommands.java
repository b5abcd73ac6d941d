package io.teemate.kv.enclave;

import java.util.List;
import java.util.Set;

import static io.teemate.kv.enclave.CommandContext.isOneOf;
import static io.teemate.kv.enclave.CommandContext.parseLong;
import static io.teemate.kv.enclave.CommandEngine.SYNTAX;
import static io.teemate.kv.enclave.CommandSpec.Flag.DENYOOM;
import static io.teemate.kv.enclave.CommandSpec.Flag.READONLY;
import static io.teemate.kv.enclave.CommandSpec.Flag.WRITE;
import static io.teemate.kv.enclave.CommandSpec.oneKey;

/**
 * DUMP and RESTORE (Redis 7.0 cluster.c dumpCommand, restoreCommand; arity, flags and keys from
 * src/commands/dump.json and restore.json). The payload is one value as the RDB format writes it
 * ({@link RdbWriter#dumpPayload}), then RDB_VERSION as 2 bytes little-endian, then the CRC-64 of all that. A
 * RESTORE payload comes from a client: it is checked (version, checksum) and then read as the hostile bytes it is
 * ({@link RdbReader#restoreObject}); a payload that does not load leaves the keyspace as it was.
 */
final class DumpCommands {
    private DumpCommands() {}

    /** cluster.c verifyDumpPayload: at least the 2-byte version and the 8-byte CRC-64. */
    static final int FOOTER = 10;

    static void register(CommandTable t) {
        t.add(oneKey("dump", 2, Set.of(READONLY), DumpCommands::dump));
        t.add(oneKey("restore", -4, Set.of(WRITE, DENYOOM), DumpCommands::restore));
    }

    /** DUMP key (cluster.c dumpCommand): the payload, or a null bulk if the key does not exist. */
    private static void dump(CommandContext c, List<byte[]> a, Reply r) {
        long e = c.ks.find(a.get(1));
        if (e == 0) {
            r.nullBulk();
            return;
        }
        r.bulk(RdbWriter.dumpPayload(c.ks, e));
    }

    /**
     * RESTORE key ttl payload [REPLACE] [ABSTTL] [IDLETIME seconds] [FREQ frequency] (cluster.c restoreCommand),
     * checked in Redis's order: the options, an existing key without REPLACE (BUSYKEY), the TTL, the payload's
     * version and checksum, then its value. A relative TTL is propagated as the absolute deadline with ABSTTL
     * appended; a deadline already past creates nothing, and if REPLACE deleted a key it is propagated as
     * {@code DEL key}.
     */
    private static void restore(CommandContext c, List<byte[]> a, Reply r) {
        Keyspace ks = c.ks;
        boolean replace = false;
        boolean absttl = false;
        long lfuFreq = -1;
        long lruIdle = -1;
        for (int j = 4; j < a.size(); j++) {
            int additional = a.size() - j - 1;
            if (isOneOf(a.get(j), "replace")) {
                replace = true;
            } else if (isOneOf(a.get(j), "absttl")) {
                absttl = true;
            } else if (isOneOf(a.get(j), "idletime") && additional >= 1 && lfuFreq == -1) {
                lruIdle = parseLong(a.get(j + 1));
                if (lruIdle < 0) {
                    throw new CommandEngine.ReplyError("ERR Invalid IDLETIME value, must be >= 0");
                }
                j++;
            } else if (isOneOf(a.get(j), "freq") && additional >= 1 && lruIdle == -1) {
                lfuFreq = parseLong(a.get(j + 1));
                if (lfuFreq < 0 || lfuFreq > 255) {
                    throw new CommandEngine.ReplyError("ERR Invalid FREQ value, must be >= 0 and <= 255");
                }
                j++;
            } else {
                throw new CommandEngine.ReplyError(SYNTAX);
            }
        }
        byte[] key = a.get(1);
        if (!replace && ks.find(key) != 0) { // lookupKeyWrite: an expired key is deleted, not busy
            throw new CommandEngine.ReplyError("BUSYKEY Target key name already exists.");
        }
        long ttl = parseLong(a.get(2));
        if (ttl < 0) {
            throw new CommandEngine.ReplyError("ERR Invalid TTL value, must be >= 0");
        }
        byte[] payload = a.get(3);
        if (!verifyDumpPayload(payload)) {
            throw new CommandEngine.ReplyError("ERR DUMP payload version or checksum are wrong");
        }
        long[] obj;
        try {
            // the reader gets the whole payload, footer included, as rioInitWithBuffer does: a value may run into it
            obj = RdbReader.restoreObject(payload, payload.length, ks);
        } catch (RdbFormatException bad) {
            throw new CommandEngine.ReplyError("ERR Bad data format");
        }
        int type = (int) obj[0];
        long ref = obj[1];
        boolean deleted = replace && ks.delete(key); // dbDelete, expired or not
        if (ttl != 0 && !absttl) {
            ttl += ks.now(); // C's long long addition, which wraps as Java's does
        }
        if (ttl != 0 && ks.deadlinePassed(ttl)) { // expire.c checkAlreadyExpired
            if (deleted) {
                c.propagate(CommandContext.ascii("DEL"), key);
                c.dirty();
            }
            ks.freeValue(type, ref);
            r.simple("OK");
            return;
        }
        long e = ks.insertOrFree(key, type, ref);
        if (ttl != 0) {
            ks.setExpireAt(e, ttl);
            if (!absttl) { // "Propagate TTL as absolute timestamp"
                List<byte[]> argv = new java.util.ArrayList<>(a);
                argv.set(2, CommandContext.ascii(Long.toString(ttl)));
                argv.add(CommandContext.ascii("ABSTTL"));
                c.propagate(argv);
            }
        }
        int lru = ks.access().restored(ks.now(), lfuFreq, lruIdle); // object.c objectSetLRUOrLFU
        if (lru >= 0) {
            ks.setLru(e, lru);
        }
        c.dirty();
        r.simple("OK");
    }

    /**
     * cluster.c verifyDumpPayload: at least 10 bytes, an RDB version of at most RDB_VERSION in the 2 bytes before
     * the last 8, and those 8 the CRC-64 (little-endian) of everything before them.
     */
    static boolean verifyDumpPayload(byte[] p) {
        if (p.length < FOOTER) {
            return false;
        }
        int footer = p.length - FOOTER;
        int version = (p[footer] & 0xFF) | (p[footer + 1] & 0xFF) << 8;
        if (version > Rdb.VERSION) {
            return false;
        }
        long crc = Crc64.update(0, p, 0, p.length - 8);
        for (int i = 0; i < 8; i++) {
            if ((byte) (crc >>> (8 * i)) != p[footer + 2 + i]) {
                return false;
            }
        }
        return true;
    }
}
