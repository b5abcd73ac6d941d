package io.teemate.kv.enclave;

import io.teemate.kv.abi.Glob;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static io.teemate.kv.enclave.CommandContext.parseLong;
import static io.teemate.kv.enclave.CommandContext.str;
import static io.teemate.kv.enclave.CommandEngine.NO_SUCH_KEY;
import static io.teemate.kv.enclave.CommandEngine.SYNTAX;
import static io.teemate.kv.enclave.CommandSpec.Flag.DENYOOM;
import static io.teemate.kv.enclave.CommandSpec.Flag.FAST;
import static io.teemate.kv.enclave.CommandSpec.Flag.READONLY;
import static io.teemate.kv.enclave.CommandSpec.Flag.WRITE;
import static io.teemate.kv.enclave.CommandSpec.noKeys;
import static io.teemate.kv.enclave.CommandSpec.oneKey;

/**
 * The generic key commands (Redis's db.c and expire.c; arity, flags and keys from src/commands/*.json of Redis 7.0).
 */
final class KeyCommands {
    private KeyCommands() {}

    static void register(CommandTable t) {
        t.add(new CommandSpec("del", -2, Set.of(WRITE), 1, -1, 1, KeyCommands::del));
        t.add(new CommandSpec("unlink", -2, Set.of(WRITE, FAST), 1, -1, 1, KeyCommands::del));
        t.add(new CommandSpec("exists", -2, Set.of(READONLY, FAST), 1, -1, 1, KeyCommands::exists));
        t.add(oneKey("expire", -3, Set.of(WRITE, FAST), (c, a, r) -> expire(c, a, r, c.ks.now(), true, "expire")));
        t.add(oneKey("pexpire", -3, Set.of(WRITE, FAST), (c, a, r) -> expire(c, a, r, c.ks.now(), false, "pexpire")));
        t.add(oneKey("expireat", -3, Set.of(WRITE, FAST), (c, a, r) -> expire(c, a, r, 0, true, "expireat")));
        t.add(oneKey("pexpireat", -3, Set.of(WRITE, FAST), (c, a, r) -> expire(c, a, r, 0, false, "pexpireat")));
        t.add(oneKey("ttl", 2, Set.of(READONLY, FAST), (c, a, r) -> ttl(c, a, r, true, false)));
        t.add(oneKey("pttl", 2, Set.of(READONLY, FAST), (c, a, r) -> ttl(c, a, r, false, false)));
        t.add(oneKey("expiretime", 2, Set.of(READONLY, FAST), (c, a, r) -> ttl(c, a, r, true, true)));
        t.add(oneKey("pexpiretime", 2, Set.of(READONLY, FAST), (c, a, r) -> ttl(c, a, r, false, true)));
        t.add(new CommandSpec("touch", -2, Set.of(READONLY, FAST), 1, -1, 1, KeyCommands::touch));
        t.add(new CommandSpec("copy", -3, Set.of(WRITE, DENYOOM), 1, 2, 1, KeyCommands::copy));
        t.add(noKeys("wait", 3, Set.of(), KeyCommands::waitReplicas));
        t.add(oneKey("persist", 2, Set.of(WRITE, FAST), KeyCommands::persist));
        t.add(oneKey("type", 2, Set.of(READONLY, FAST), KeyCommands::type));
        t.add(noKeys("keys", 2, Set.of(READONLY), KeyCommands::keys));
        t.add(noKeys("scan", -2, Set.of(READONLY), KeyCommands::scan));
        t.add(new CommandSpec("rename", 3, Set.of(WRITE), 1, 2, 1, (c, a, r) -> rename(c, a, r, false)));
        t.add(new CommandSpec("renamenx", 3, Set.of(WRITE, FAST), 1, 2, 1, (c, a, r) -> rename(c, a, r, true)));
        t.add(noKeys("randomkey", 1, Set.of(READONLY), KeyCommands::randomkey));
    }

    /** DEL and UNLINK (db.c delGenericCommand; UNLINK frees in the background in Redis, the reply is the same). */
    private static void del(CommandContext c, List<byte[]> a, Reply r) {
        int n = 0;
        for (int i = 1; i < a.size(); i++) {
            if (c.ks.find(a.get(i)) != 0 && c.ks.delete(a.get(i))) {
                n++;
                c.dirty();
            }
        }
        r.integer(n);
    }

    /** EXISTS (db.c existsCommand: LOOKUP_NOTOUCH, the access time stays). */
    private static void exists(CommandContext c, List<byte[]> a, Reply r) {
        int n = 0;
        for (int i = 1; i < a.size(); i++) {
            if (c.ks.findNoTouch(a.get(i)) != 0) {
                n++;
            }
        }
        r.integer(n);
    }

    /**
     * TTL (seconds, rounded), PTTL, EXPIRETIME (unix seconds, rounded) and PEXPIRETIME (expire.c ttlGenericCommand,
     * LOOKUP_NOTOUCH).
     */
    private static void ttl(CommandContext c, List<byte[]> a, Reply r, boolean seconds, boolean absolute) {
        Keyspace ks = c.ks;
        long e = ks.findNoTouch(a.get(1));
        if (e == 0) {
            r.integer(-2);
        } else if (ks.expireAt(e) == 0) {
            r.integer(-1);
        } else {
            long ttl = Math.max(0, absolute ? ks.expireAt(e) : ks.expireAt(e) - ks.now());
            // Redis's (ttl+500)/1000 wraps past LLONG_MAX and comes out as the unsigned quotient
            r.integer(seconds ? Long.divideUnsigned(ttl + 500, 1000) : ttl);
        }
    }

    /** TOUCH key... (db.c touchCommand): looks each key up, which updates its access time; counts those found. */
    private static void touch(CommandContext c, List<byte[]> a, Reply r) {
        int n = 0;
        for (int i = 1; i < a.size(); i++) {
            if (c.ks.find(a.get(i)) != 0) {
                n++;
            }
        }
        r.integer(n);
    }

    /**
     * WAIT numreplicas timeout (replication.c waitCommand): no replica ever acknowledges here, so the answer is 0
     * once the arguments parse. Redis would block until the timeout when numreplicas > 0; the engine cannot block,
     * so it answers at once (the same count Redis answers when the timeout ends).
     */
    private static void waitReplicas(CommandContext c, List<byte[]> a, Reply r) {
        Long n = RedisNumbers.parseLong(a.get(1));
        if (n == null) {
            throw new CommandEngine.ReplyError(CommandEngine.NOT_INTEGER);
        }
        Long timeout = RedisNumbers.parseLong(a.get(2));
        if (timeout == null) {
            throw new CommandEngine.ReplyError("ERR timeout is not an integer or out of range");
        }
        if (timeout < 0) {
            throw new CommandEngine.ReplyError("ERR timeout is negative");
        }
        r.integer(0);
    }

    /**
     * COPY source destination [DB destination-db] [REPLACE] (db.c copyCommand): source is looked up in the client's
     * database, destination in destination-db (the client's by default); the copy keeps the source's deadline.
     */
    private static void copy(CommandContext c, List<byte[]> a, Reply r) {
        Keyspace ks = c.ks;
        boolean replace = false;
        int srcDb = ks.selected();
        int dstDb = srcDb;
        for (int j = 3; j < a.size(); j++) {
            int additional = a.size() - j - 1;
            if (CommandContext.isOneOf(a.get(j), "replace")) {
                replace = true;
            } else if (CommandContext.isOneOf(a.get(j), "db") && additional >= 1) {
                long db = parseLong(a.get(j + 1));
                if (db < Integer.MIN_VALUE || db > Integer.MAX_VALUE) {
                    throw new CommandEngine.ReplyError(
                            "ERR value is out of range, value must between -2147483648 and 2147483647");
                }
                if (db < 0 || db >= ks.databases()) {
                    throw new CommandEngine.ReplyError("ERR DB index is out of range");
                }
                dstDb = (int) db;
                j++;
            } else {
                throw new CommandEngine.ReplyError(SYNTAX);
            }
        }
        byte[] src = a.get(1);
        byte[] dst = a.get(2);
        if (srcDb == dstDb && java.util.Arrays.equals(src, dst)) {
            throw new CommandEngine.ReplyError("ERR source and destination objects are the same");
        }
        long e = ks.find(src);
        if (e == 0) {
            r.integer(0);
            return;
        }
        long expireAt = ks.expireAt(e);
        int type = ks.type(e);
        ks.select(dstDb); // entries never move: e stays the source's while the destination's database is selected
        try {
            boolean delete = false;
            if (ks.find(dst) != 0) {
                if (!replace) {
                    r.integer(0);
                    return;
                }
                delete = true;
            }
            long ref = ks.copyValue(type, ks.valueRef(e));
            if (delete) {
                ks.delete(dst);
            }
            long ne = ks.insertOrFree(dst, type, ref);
            ks.encodings().copied(ks, e, ne);
            if (expireAt != 0) {
                ks.setExpireAt(ne, expireAt);
            }
            if (dstDb != srcDb) {
                c.watched.touch(dst, ks); // signalModifiedKey(c, dst, newkey): in the destination's database
            }
        } finally {
            ks.select(srcDb);
        }
        c.dirty();
        r.integer(1);
    }

    private static void persist(CommandContext c, List<byte[]> a, Reply r) {
        long e = c.ks.find(a.get(1));
        if (e != 0 && c.ks.expireAt(e) != 0) {
            c.ks.setExpireAt(e, 0);
            c.dirty();
            r.integer(1);
        } else {
            r.integer(0);
        }
    }

    /** TYPE (db.c typeCommand: LOOKUP_NOTOUCH). */
    private static void type(CommandContext c, List<byte[]> a, Reply r) {
        long e = c.ks.findNoTouch(a.get(1));
        r.simple(typeName(e == 0 ? Keyspace.TYPE_NONE : c.ks.type(e)));
    }

    private static void keys(CommandContext c, List<byte[]> a, Reply r) {
        Keyspace ks = c.ks;
        byte[] pattern = a.get(1);
        boolean all = pattern.length == 1 && pattern[0] == '*';
        List<byte[]> keys = new ArrayList<>();
        ks.forEach(e -> {
            byte[] k = ks.key(e);
            if (all || Glob.matches(pattern, k)) {
                keys.add(k);
            }
        });
        r.bulks(keys);
    }

    private static void randomkey(CommandContext c, List<byte[]> a, Reply r) {
        long e = c.ks.randomEntry(c.random);
        r.bulk(e == 0 ? null : c.ks.key(e));
    }

    /** EXPIRE/PEXPIRE/EXPIREAT/PEXPIREAT key time [NX | XX | GT | LT] (expire.c expireGenericCommand). */
    private static void expire(CommandContext c, List<byte[]> a, Reply r, long base, boolean seconds, String name) {
        boolean nx = false;
        boolean xx = false;
        boolean gt = false;
        boolean lt = false;
        for (int i = 3; i < a.size(); i++) {
            String opt = str(a.get(i)).toLowerCase(Locale.ROOT);
            switch (opt) {
                case "nx" -> nx = true;
                case "xx" -> xx = true;
                case "gt" -> gt = true;
                case "lt" -> lt = true;
                default -> throw new CommandEngine.ReplyError("ERR Unsupported option " + str(a.get(i)));
            }
        }
        if (nx && (xx || gt || lt)) {
            throw new CommandEngine.ReplyError("ERR NX and XX, GT or LT options at the same time are not compatible");
        }
        if (gt && lt) {
            throw new CommandEngine.ReplyError("ERR GT and LT options at the same time are not compatible");
        }
        long when = parseLong(a.get(2));
        String invalid = "ERR invalid expire time in '" + name + "' command";
        if (seconds) {
            if (when > Long.MAX_VALUE / 1000 || when < Long.MIN_VALUE / 1000) {
                throw new CommandEngine.ReplyError(invalid);
            }
            when *= 1000;
        }
        if (when > Long.MAX_VALUE - base) {
            throw new CommandEngine.ReplyError(invalid);
        }
        when += base;
        Keyspace ks = c.ks;
        long e = ks.find(a.get(1));
        if (e == 0) {
            r.integer(0);
            return;
        }
        long current = ks.expireAt(e); // 0 = no deadline = infinite
        if ((nx && current != 0)
                || (xx && current == 0)
                || (gt && (current == 0 || when <= current))
                || (lt && current != 0 && when >= current)) {
            r.integer(0);
            return;
        }
        c.dirty();
        if (!ks.loading() && when <= ks.now()) {
            // a deadline in the past deletes the key (expire.c checkAlreadyExpired, never while loading), and
            // "Replicate/AOF this as an explicit DEL or UNLINK"
            ks.delete(a.get(1));
            c.propagate(CommandContext.ascii("DEL"), a.get(1));
        } else {
            ks.setExpireAt(e, when);
            // "Propagate as PEXPIREAT millisecond-timestamp": absolute, so a replay sets the same deadline
            c.propagate(CommandContext.ascii("PEXPIREAT"), a.get(1), CommandContext.ascii(Long.toString(when)));
        }
        r.integer(1);
    }

    /** SCAN cursor [MATCH pattern] [COUNT count] [TYPE type] (db.c scanGenericCommand). */
    private static void scan(CommandContext c, List<byte[]> a, Reply r) {
        Keyspace ks = c.ks;
        long cursor = RedisNumbers.parseCursor(a.get(1));
        long count = 10;
        byte[] pattern = null;
        String type = null;
        for (int i = 2; i < a.size(); i += 2) {
            if (i + 1 >= a.size()) {
                throw new CommandEngine.ReplyError(SYNTAX);
            }
            String opt = str(a.get(i)).toLowerCase(Locale.ROOT);
            switch (opt) {
                case "count" -> {
                    count = parseLong(a.get(i + 1));
                    if (count < 1) {
                        throw new CommandEngine.ReplyError(SYNTAX);
                    }
                }
                case "match" -> {
                    byte[] p = a.get(i + 1);
                    pattern = p.length == 1 && p[0] == '*' ? null : p; // "*" matches every key, even ""
                }
                case "type" -> type = str(a.get(i + 1)).toLowerCase(Locale.ROOT);
                default -> throw new CommandEngine.ReplyError(SYNTAX);
            }
        }
        List<Long> found = new ArrayList<>();
        // Redis's count*10 overflows to a negative number that its "maxiterations--" still treats as true; saturate
        long maxSteps = count > Long.MAX_VALUE / 10 ? Long.MAX_VALUE : count * 10;
        do {
            cursor = ks.scanStep(cursor, found::add);
        } while (cursor != 0 && maxSteps-- > 0 && found.size() < count);
        List<byte[]> keys = new ArrayList<>();
        List<byte[]> expired = new ArrayList<>();
        for (long e : found) {
            byte[] k = ks.key(e);
            if (ks.isExpired(e)) {
                expired.add(k);
                continue;
            }
            if (pattern != null && !Glob.matches(pattern, k)) {
                continue;
            }
            if (type != null && !typeName(ks.type(e)).equals(type)) {
                continue;
            }
            keys.add(k);
        }
        for (byte[] k : expired) {
            ks.find(k); // lazy expiry deletes it
        }
        r.array(2);
        r.bulk(Long.toUnsignedString(cursor));
        r.bulks(keys);
    }

    /** RENAME and RENAMENX (db.c renameGenericCommand): the value and its deadline move to the new name. */
    private static void rename(CommandContext c, List<byte[]> a, Reply r, boolean nx) {
        Keyspace ks = c.ks;
        byte[] src = a.get(1);
        byte[] dst = a.get(2);
        long e = ks.find(src);
        if (e == 0) {
            throw new CommandEngine.ReplyError(NO_SUCH_KEY);
        }
        if (java.util.Arrays.equals(src, dst)) {
            if (nx) {
                r.integer(0);
            } else {
                r.simple("OK");
            }
            return;
        }
        if (ks.find(dst) != 0) {
            if (nx) {
                r.integer(0);
                return;
            }
            ks.delete(dst);
        }
        int type = ks.type(e);
        long ref = ks.valueRef(e);
        long expireAt = ks.expireAt(e);
        long word = ks.typeWord(e); // the same object moves: its encoding and access time go with it
        ks.unlinkKeepValue(src);
        long ne = ks.insert(dst, type, ref);
        ks.setTypeWord(ne, word);
        ks.setExpireAt(ne, expireAt);
        c.dirty();
        if (nx) {
            r.integer(1);
        } else {
            r.simple("OK");
        }
    }

    /** TYPE's and SCAN ... TYPE's name of a value type (db.c getObjectTypeName). */
    static String typeName(int type) {
        return switch (type) {
            case Keyspace.TYPE_STRING -> "string";
            case Keyspace.TYPE_LIST -> "list";
            case Keyspace.TYPE_HASH -> "hash";
            case Keyspace.TYPE_SET -> "set";
            case Keyspace.TYPE_ZSET -> "zset";
            default -> "none";
        };
    }
}
