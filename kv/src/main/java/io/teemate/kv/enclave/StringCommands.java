package io.teemate.kv.enclave;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import static io.teemate.kv.enclave.CommandContext.ascii;
import static io.teemate.kv.enclave.CommandContext.checkStringLength;
import static io.teemate.kv.enclave.CommandContext.concat;
import static io.teemate.kv.enclave.CommandContext.parseLong;
import static io.teemate.kv.enclave.CommandContext.str;
import static io.teemate.kv.enclave.CommandEngine.NOT_INTEGER;
import static io.teemate.kv.enclave.CommandEngine.SYNTAX;
import static io.teemate.kv.enclave.CommandEngine.WRONGTYPE;
import static io.teemate.kv.enclave.CommandSpec.Flag.DENYOOM;
import static io.teemate.kv.enclave.CommandSpec.Flag.FAST;
import static io.teemate.kv.enclave.CommandSpec.Flag.READONLY;
import static io.teemate.kv.enclave.CommandSpec.Flag.WRITE;
import static io.teemate.kv.enclave.CommandSpec.oneKey;

/** The string commands (Redis's t_string.c; arity, flags and keys from src/commands/*.json of Redis 7.0). */
final class StringCommands {
    private StringCommands() {}

    static void register(CommandTable t) {
        t.add(oneKey("get", 2, Set.of(READONLY, FAST), (c, a, r) -> r.bulk(c.getString(a.get(1)))));
        t.add(oneKey("set", -3, Set.of(WRITE, DENYOOM), (c, a, r) -> set(c, a, r, "set")));
        // SETEX key seconds value, PSETEX key milliseconds value: t_string.c runs them as SET EX / SET PX
        t.add(oneKey("setex", 4, Set.of(WRITE, DENYOOM), (c, a, r) -> setex(c, a, r, "EX", "setex")));
        t.add(oneKey("psetex", 4, Set.of(WRITE, DENYOOM), (c, a, r) -> setex(c, a, r, "PX", "psetex")));
        t.add(new CommandSpec("mget", -2, Set.of(READONLY, FAST), 1, -1, 1, StringCommands::mget));
        t.add(new CommandSpec("mset", -3, Set.of(WRITE, DENYOOM), 1, -1, 2, StringCommands::mset));
        t.add(oneKey("setnx", 3, Set.of(WRITE, DENYOOM, FAST), StringCommands::setnx));
        t.add(oneKey("getset", 3, Set.of(WRITE, DENYOOM, FAST), StringCommands::getset));
        t.add(oneKey("getdel", 2, Set.of(WRITE, FAST), StringCommands::getdel));
        t.add(oneKey("incr", 2, Set.of(WRITE, DENYOOM, FAST), (c, a, r) -> r.integer(incrBy(c, a.get(1), 1))));
        t.add(oneKey("decr", 2, Set.of(WRITE, DENYOOM, FAST), (c, a, r) -> r.integer(incrBy(c, a.get(1), -1))));
        t.add(oneKey(
                "incrby",
                3,
                Set.of(WRITE, DENYOOM, FAST),
                (c, a, r) -> r.integer(incrBy(c, a.get(1), parseLong(a.get(2))))));
        t.add(oneKey("decrby", 3, Set.of(WRITE, DENYOOM, FAST), StringCommands::decrby));
        t.add(oneKey(
                "incrbyfloat",
                3,
                Set.of(WRITE, DENYOOM, FAST),
                (c, a, r) -> r.bulk(incrByFloat(c, a.get(1), a.get(2)))));
        t.add(oneKey("append", 3, Set.of(WRITE, DENYOOM, FAST), StringCommands::append));
        t.add(oneKey("strlen", 2, Set.of(READONLY, FAST), StringCommands::strlen));
        t.add(oneKey("getrange", 4, Set.of(READONLY), StringCommands::getrange));
        t.add(oneKey("setrange", 4, Set.of(WRITE, DENYOOM), StringCommands::setrange));
        // SUBSTR is GETRANGE under its old name (t_string.c registers getrangeCommand for both)
        t.add(oneKey("substr", 4, Set.of(READONLY), StringCommands::getrange));
        t.add(oneKey("getex", -2, Set.of(WRITE, FAST), StringCommands::getex));
        t.add(new CommandSpec("msetnx", -3, Set.of(WRITE, DENYOOM), 1, -1, 2, StringCommands::msetnx));
        t.add(new CommandSpec("lcs", -3, Set.of(READONLY), 1, 2, 1, StringLcs::lcs));
    }

    /**
     * GETEX key [EX s | PX ms | EXAT s | PXAT ms | PERSIST] (t_string.c getexCommand): never propagated as is, but
     * as PEXPIREAT key ms, PERSIST key, or DEL key when an absolute deadline has already passed.
     */
    private static void getex(CommandContext c, List<byte[]> a, Reply r) {
        String unit = null;
        byte[] expireArg = null;
        boolean persist = false;
        // t_string.c parseExtendedStringArgumentsOrReply (COMMAND_GET): the same option twice is accepted (the
        // last value wins), two different ones are a syntax error; options are checked before the key
        for (int i = 2; i < a.size(); i++) {
            String opt = str(a.get(i)).toLowerCase(Locale.ROOT);
            boolean hasNext = i + 1 < a.size();
            switch (opt) {
                case "persist" -> {
                    if (unit != null) {
                        throw new CommandEngine.ReplyError(SYNTAX);
                    }
                    persist = true;
                }
                case "ex", "px", "exat", "pxat" -> {
                    if ((unit != null && !unit.equals(opt)) || persist || !hasNext) {
                        throw new CommandEngine.ReplyError(SYNTAX);
                    }
                    unit = opt;
                    expireArg = a.get(++i);
                }
                default -> throw new CommandEngine.ReplyError(SYNTAX);
            }
        }
        byte[] key = a.get(1);
        long e = c.stringEntry(key);
        if (e == 0) {
            r.nullBulk();
            return;
        }
        long when = 0;
        if (unit != null) {
            when = expireMillis(c, expireArg, unit, "getex");
        }
        r.bulk(c.ks.readBlob(c.ks.valueRef(e)));
        if ((unit != null && unit.endsWith("at")) && when <= c.ks.now()) {
            c.ks.delete(key);
            c.dirty();
            c.propagate(ascii("DEL"), key);
        } else if (unit != null) {
            c.ks.setExpireAt(e, when);
            c.dirty();
            c.propagate(ascii("PEXPIREAT"), key, ascii(Long.toString(when)));
        } else if (persist && c.ks.expireAt(e) != 0) {
            c.ks.setExpireAt(e, 0);
            c.dirty();
            c.propagate(ascii("PERSIST"), key);
        }
    }

    /**
     * The absolute deadline in ms of an EX/PX/EXAT/PXAT argument, or Redis's errors (t_string.c
     * getExpireMillisecondsOrReply): not a number, not positive, or overflowing once made absolute.
     */
    static long expireMillis(CommandContext c, byte[] arg, String unit, String name) {
        long t = parseLong(arg);
        boolean seconds = unit.equals("ex") || unit.equals("exat");
        if (t <= 0 || (seconds && t > Long.MAX_VALUE / 1000)) {
            throw new CommandEngine.ReplyError("ERR invalid expire time in '" + name + "' command");
        }
        if (seconds) {
            t *= 1000;
        }
        if (unit.equals("ex") || unit.equals("px")) {
            long now = c.ks.now();
            if (t > Long.MAX_VALUE - now) {
                throw new CommandEngine.ReplyError("ERR invalid expire time in '" + name + "' command");
            }
            t += now;
        }
        return t;
    }

    /**
     * MSETNX key value [key value ...] (t_string.c msetGenericCommand with nx): sets nothing if any key exists; a
     * key named twice takes its last value.
     */
    private static void msetnx(CommandContext c, List<byte[]> a, Reply r) {
        if (a.size() % 2 != 1) {
            throw new CommandEngine.ReplyError(CommandTable.wrongArgs("msetnx"));
        }
        for (int i = 1; i < a.size(); i += 2) {
            if (c.ks.find(a.get(i)) != 0) {
                r.integer(0);
                return;
            }
        }
        for (int i = 1; i < a.size(); i += 2) {
            c.putString(a.get(i), a.get(i + 1), 0, false);
            c.dirty();
        }
        r.integer(1);
    }

    private static void mget(CommandContext c, List<byte[]> a, Reply r) {
        Keyspace ks = c.ks;
        r.array(a.size() - 1);
        for (int i = 1; i < a.size(); i++) {
            long e = ks.find(a.get(i));
            r.bulk(e != 0 && ks.type(e) == Keyspace.TYPE_STRING ? ks.readBlob(ks.valueRef(e)) : null);
        }
    }

    private static void mset(CommandContext c, List<byte[]> a, Reply r) {
        if (a.size() % 2 != 1) {
            throw new CommandEngine.ReplyError(CommandTable.wrongArgs("mset"));
        }
        for (int i = 1; i < a.size(); i += 2) {
            c.putString(a.get(i), a.get(i + 1), 0, false);
            c.dirty();
        }
        r.simple("OK");
    }

    private static void setnx(CommandContext c, List<byte[]> a, Reply r) {
        if (c.ks.find(a.get(1)) != 0) {
            r.integer(0);
        } else {
            c.putString(a.get(1), a.get(2), 0, false);
            c.dirty();
            r.integer(1);
        }
    }

    private static void getset(CommandContext c, List<byte[]> a, Reply r) {
        byte[] old = c.getString(a.get(1));
        c.putString(a.get(1), a.get(2), 0, false);
        c.dirty();
        c.propagate(ascii("SET"), a.get(1), a.get(2)); // t_string.c getsetCommand: "Propagate as SET command"
        r.bulk(old);
    }

    private static void getdel(CommandContext c, List<byte[]> a, Reply r) {
        byte[] old = c.getString(a.get(1));
        if (old != null) {
            c.ks.delete(a.get(1));
            c.dirty();
            c.propagate(ascii("DEL"), a.get(1)); // t_string.c getdelCommand: "Propagate as DEL/UNLINK command"
        }
        r.bulk(old);
    }

    private static void decrby(CommandContext c, List<byte[]> a, Reply r) {
        long d = parseLong(a.get(2));
        if (d == Long.MIN_VALUE) {
            throw new CommandEngine.ReplyError("ERR decrement would overflow");
        }
        r.integer(incrBy(c, a.get(1), -d));
    }

    private static void append(CommandContext c, List<byte[]> a, Reply r) {
        Keyspace ks = c.ks;
        long e = c.stringEntry(a.get(1));
        long oldLen = e == 0 ? 0 : ks.blobLength(ks.valueRef(e));
        checkStringLength(oldLen, a.get(2).length);
        c.checkRoom(oldLen + a.get(2).length);
        byte[] old = e == 0 ? null : ks.readBlob(ks.valueRef(e));
        byte[] v = old == null ? a.get(2) : concat(old, a.get(2));
        c.putString(a.get(1), v, 0, old != null);
        if (old != null) {
            Encodings.stringStored(c.ks, a.get(1), Encodings.STRING_RAW); // dbUnshareStringValue: raw
        }
        c.dirty();
        r.integer(v.length);
    }

    private static void strlen(CommandContext c, List<byte[]> a, Reply r) {
        long e = c.stringEntry(a.get(1));
        r.integer(e == 0 ? 0 : c.ks.blobLength(c.ks.valueRef(e)));
    }

    private static void setex(CommandContext c, List<byte[]> a, Reply r, String unit, String name) {
        set(c, List.of(ascii("SET"), a.get(1), a.get(3), ascii(unit), a.get(2)), r, name);
    }

    /**
     * SET key value [NX | XX] [GET] [EX s | PX ms | EXAT s | PXAT ms | KEEPTTL] (t_string.c); {@code name} is the
     * command the client sent, which Redis names in the invalid expire time error.
     */
    private static void set(CommandContext c, List<byte[]> a, Reply r, String name) {
        boolean nx = false;
        boolean xx = false;
        boolean get = false;
        boolean keepTtl = false;
        String unit = null;
        byte[] expireArg = null;
        for (int i = 3; i < a.size(); i++) {
            String opt = str(a.get(i)).toLowerCase(Locale.ROOT);
            boolean hasNext = i + 1 < a.size();
            switch (opt) {
                case "nx" -> {
                    if (xx) {
                        throw new CommandEngine.ReplyError(SYNTAX);
                    }
                    nx = true;
                }
                case "xx" -> {
                    if (nx) {
                        throw new CommandEngine.ReplyError(SYNTAX);
                    }
                    xx = true;
                }
                case "get" -> get = true;
                case "keepttl" -> {
                    if (unit != null) {
                        throw new CommandEngine.ReplyError(SYNTAX);
                    }
                    keepTtl = true;
                }
                case "ex", "px", "exat", "pxat" -> {
                    // Redis 7.0 accepts the same unit twice (the last wins) but not two different ones.
                    if ((unit != null && !unit.equals(opt)) || keepTtl || !hasNext) {
                        throw new CommandEngine.ReplyError(SYNTAX);
                    }
                    unit = opt;
                    expireArg = a.get(++i);
                }
                default -> throw new CommandEngine.ReplyError(SYNTAX);
            }
        }
        long expireAt = 0;
        if (unit != null) {
            long t = parseLong(expireArg);
            boolean seconds = unit.equals("ex") || unit.equals("exat");
            if (t <= 0 || (seconds && t > Long.MAX_VALUE / 1000)) {
                throw new CommandEngine.ReplyError("ERR invalid expire time in '" + name + "' command");
            }
            if (seconds) {
                t *= 1000;
            }
            if (unit.equals("ex") || unit.equals("px")) {
                long now = c.ks.now();
                if (t > Long.MAX_VALUE - now) {
                    throw new CommandEngine.ReplyError("ERR invalid expire time in '" + name + "' command");
                }
                t += now;
            }
            expireAt = t;
        }
        byte[] key = a.get(1);
        long e = c.ks.find(key);
        byte[] old = null;
        if (get && e != 0) {
            if (c.ks.type(e) != Keyspace.TYPE_STRING) {
                throw new CommandEngine.ReplyError(WRONGTYPE);
            }
            old = c.ks.readBlob(c.ks.valueRef(e));
        }
        if ((nx && e != 0) || (xx && e == 0)) {
            if (get) {
                r.bulk(old);
            } else {
                r.nullBulk();
            }
            return;
        }
        c.putString(key, a.get(2), expireAt, keepTtl);
        c.dirty();
        if (unit != null && !unit.equals("pxat")) {
            // t_string.c setGenericCommand: "Propagate as SET Key Value PXAT millisecond-timestamp if there is
            // EX/PX/EXAT flag", so that a replay at any later time sets the same deadline
            c.propagate(ascii("SET"), key, a.get(2), ascii("PXAT"), ascii(Long.toString(expireAt)));
        } else if (get) {
            c.propagate(withoutGet(a)); // "Propagate without the GET argument"
        }
        if (get) {
            r.bulk(old);
        } else {
            r.simple("OK");
        }
    }

    /** SET's argv without its GET options (the expiry value after PXAT is a number, never "GET"). */
    private static List<byte[]> withoutGet(List<byte[]> a) {
        List<byte[]> out = new java.util.ArrayList<>(a.subList(0, 3));
        for (int i = 3; i < a.size(); i++) {
            if (!str(a.get(i)).equalsIgnoreCase("get")) {
                out.add(a.get(i));
            }
        }
        return out;
    }

    /** INCR/DECR/INCRBY/DECRBY (t_string.c incrDecrCommand). */
    private static long incrBy(CommandContext c, byte[] key, long by) {
        byte[] old = c.getString(key);
        long v = 0;
        if (old != null) {
            Long parsed = RedisNumbers.parseLong(old);
            if (parsed == null) {
                throw new CommandEngine.ReplyError(NOT_INTEGER);
            }
            v = parsed;
        }
        long sum = CommandContext.addOrOverflow(v, by);
        c.putString(key, ascii(Long.toString(sum)), 0, true);
        c.dirty();
        return sum;
    }

    /** INCRBYFLOAT (t_string.c): long double arithmetic, as Redis on x86-64, emulated exactly and bounded. */
    private static byte[] incrByFloat(CommandContext c, byte[] key, byte[] incrArg) {
        byte[] old = c.getString(key);
        RedisNumbers.LongDouble v = RedisNumbers.LongDouble.ZERO;
        if (old != null) {
            v = RedisNumbers.parseFloat(old);
            if (v == null) {
                throw new CommandEngine.ReplyError("ERR value is not a valid float");
            }
        }
        RedisNumbers.LongDouble by = RedisNumbers.parseFloat(incrArg);
        if (by == null) {
            throw new CommandEngine.ReplyError("ERR value is not a valid float");
        }
        RedisNumbers.LongDouble sum = v.add(by);
        if (sum == null || sum.infinite) {
            throw new CommandEngine.ReplyError("ERR increment would produce NaN or Infinity");
        }
        byte[] out = ascii(sum.formatHuman());
        c.putString(key, out, 0, true);
        Encodings.stringStored(c.ks, key, Encodings.STRING_NO_INT); // createStringObjectFromLongDouble
        c.dirty();
        // t_string.c incrbyfloatCommand: "Always replicate INCRBYFLOAT as a SET command with the final value", so
        // that float precision or formatting cannot make a replay differ; KEEPTTL keeps the deadline as it did
        c.propagate(ascii("SET"), key, out, ascii("KEEPTTL"));
        return out;
    }

    /** GETRANGE key start end (t_string.c getrangeCommand). */
    private static void getrange(CommandContext c, List<byte[]> a, Reply r) {
        long start = parseLong(a.get(2));
        long end = parseLong(a.get(3));
        byte[] v = c.getString(a.get(1));
        if (v == null) {
            r.bulk(new byte[0]);
            return;
        }
        long len = v.length;
        if (start < 0 && end < 0 && start > end) {
            r.bulk(new byte[0]);
            return;
        }
        if (start < 0) {
            start += len;
        }
        if (end < 0) {
            end += len;
        }
        if (start < 0) {
            start = 0;
        }
        if (end < 0) {
            end = 0;
        }
        if (end >= len) {
            end = len - 1;
        }
        if (start > end || len == 0) {
            r.bulk(new byte[0]);
            return;
        }
        r.bulk(java.util.Arrays.copyOfRange(v, (int) start, (int) end + 1));
    }

    /** SETRANGE key offset value (t_string.c setrangeCommand). */
    private static void setrange(CommandContext c, List<byte[]> a, Reply r) {
        long offset = parseLong(a.get(2));
        if (offset < 0) {
            throw new CommandEngine.ReplyError("ERR offset is out of range");
        }
        byte[] value = a.get(3);
        byte[] old = c.getString(a.get(1));
        if (old == null && value.length == 0) {
            r.integer(0);
            return;
        }
        if (value.length == 0) {
            r.integer(old.length);
            return;
        }
        checkStringLength(offset, value.length);
        long end = offset + value.length; // no overflow: at most MAX_STRING now
        c.checkRoom(end);
        int newLen = (int) Math.max(old == null ? 0 : old.length, end);
        byte[] v = new byte[newLen];
        if (old != null) {
            System.arraycopy(old, 0, v, 0, old.length);
        }
        System.arraycopy(value, 0, v, (int) offset, value.length);
        c.putString(a.get(1), v, 0, old != null);
        Encodings.stringStored(c.ks, a.get(1), Encodings.STRING_RAW); // created or unshared: raw either way
        c.dirty();
        r.integer(newLen);
    }
}
