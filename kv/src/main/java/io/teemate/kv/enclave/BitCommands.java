package io.teemate.kv.enclave;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static io.teemate.kv.enclave.CommandContext.parseLong;
import static io.teemate.kv.enclave.CommandContext.str;
import static io.teemate.kv.enclave.CommandEngine.MAX_STRING;
import static io.teemate.kv.enclave.CommandEngine.SYNTAX;
import static io.teemate.kv.enclave.CommandSpec.Flag.DENYOOM;
import static io.teemate.kv.enclave.CommandSpec.Flag.FAST;
import static io.teemate.kv.enclave.CommandSpec.Flag.READONLY;
import static io.teemate.kv.enclave.CommandSpec.Flag.WRITE;
import static io.teemate.kv.enclave.CommandSpec.oneKey;

/**
 * The bit commands on strings (Redis's bitops.c): SETBIT, GETBIT, BITCOUNT, BITPOS, BITOP, BITFIELD, BITFIELD_RO.
 * A bit offset addresses at most proto-max-bulk-len bytes ({@link CommandEngine#MAX_STRING}), so a client can grow a
 * string to 512 MiB (plus the 8 bytes a 64-bit BITFIELD may reach past its offset) and no further; the keyspace's
 * room is checked before the grown value is built.
 */
final class BitCommands {
    private BitCommands() {}

    static final String BIT_OFFSET_ERR = "ERR bit offset is not an integer or out of range";
    static final String BIT_VALUE_ERR = "ERR bit is not an integer or out of range";
    static final String BITFIELD_TYPE_ERR =
            "ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.";

    static void register(CommandTable t) {
        t.add(oneKey("setbit", 4, Set.of(WRITE, DENYOOM), BitCommands::setbit));
        t.add(oneKey("getbit", 3, Set.of(READONLY, FAST), BitCommands::getbit));
        t.add(oneKey("bitcount", -2, Set.of(READONLY), BitCommands::bitcount));
        t.add(oneKey("bitpos", -3, Set.of(READONLY), BitCommands::bitpos));
        t.add(new CommandSpec("bitop", -4, Set.of(WRITE, DENYOOM), 2, -1, 1, BitCommands::bitop));
        t.add(oneKey("bitfield", -2, Set.of(WRITE, DENYOOM), (c, a, r) -> bitfield(c, a, r, false)));
        t.add(oneKey("bitfield_ro", -2, Set.of(READONLY, FAST), (c, a, r) -> bitfield(c, a, r, true)));
    }

    /**
     * bitops.c getBitOffsetFromArgument: a non-negative offset below 8 * proto-max-bulk-len; with {@code bits} > 0
     * (BITFIELD) "#N" means N * bits (multiplied as C does, wrapping).
     */
    static long bitOffset(byte[] arg, int bits) {
        boolean hash = bits > 0 && arg.length > 0 && arg[0] == '#';
        Long v = RedisNumbers.parseLong(hash ? Arrays.copyOfRange(arg, 1, arg.length) : arg);
        if (v == null) {
            throw new CommandEngine.ReplyError(BIT_OFFSET_ERR);
        }
        long off = hash ? v * bits : v;
        if (off < 0 || (off >> 3) >= MAX_STRING) {
            throw new CommandEngine.ReplyError(BIT_OFFSET_ERR);
        }
        return off;
    }

    /**
     * bitops.c lookupStringForBitCommand: the string at argv[1] grown with zero bytes to hold bit {@code maxBit}
     * (created if absent); WRONGTYPE for another type. {@code grown[0]} says whether it was created or grew.
     */
    private static byte[] stringForBits(CommandContext c, byte[] key, long maxBit, boolean[] grown) {
        long e = c.stringEntry(key);
        long need = (maxBit >> 3) + 1;
        long oldLen = e == 0 ? -1 : c.ks.blobLength(c.ks.valueRef(e));
        if (oldLen >= need) {
            grown[0] = false;
            return c.ks.readBlob(c.ks.valueRef(e));
        }
        c.checkRoom(need);
        byte[] v = new byte[(int) need];
        if (e != 0) {
            byte[] old = c.ks.readBlob(c.ks.valueRef(e));
            System.arraycopy(old, 0, v, 0, old.length);
        }
        grown[0] = true;
        return v;
    }

    /** Stores the changed string back, keeping its deadline. */
    private static void store(CommandContext c, byte[] key, byte[] v) {
        c.putString(key, v, 0, true);
    }

    /** SETBIT key offset 0|1 (bitops.c setbitCommand): dirty only if the key was created, grew or the bit flipped. */
    private static void setbit(CommandContext c, List<byte[]> a, Reply r) {
        long off = bitOffset(a.get(2), 0);
        Long on = RedisNumbers.parseLong(a.get(3));
        if (on == null || (on & ~1L) != 0) {
            throw new CommandEngine.ReplyError(BIT_VALUE_ERR);
        }
        boolean[] grown = new boolean[1];
        byte[] v = stringForBits(c, a.get(1), off, grown);
        int byteIdx = (int) (off >> 3);
        int bit = 7 - (int) (off & 7);
        int old = (v[byteIdx] >> bit) & 1;
        if (grown[0] || old != on) {
            v[byteIdx] = (byte) ((v[byteIdx] & ~(1 << bit)) | (on.intValue() << bit));
            store(c, a.get(1), v);
            c.dirty();
        }
        r.integer(old);
    }

    /** GETBIT key offset (bitops.c getbitCommand): the offset is checked before the key. */
    private static void getbit(CommandContext c, List<byte[]> a, Reply r) {
        long off = bitOffset(a.get(2), 0);
        long e = c.stringEntry(a.get(1));
        if (e == 0) {
            r.integer(0);
            return;
        }
        long p = c.ks.valueRef(e);
        long byteIdx = off >> 3;
        if (byteIdx >= c.ks.blobLength(p)) {
            r.integer(0);
            return;
        }
        byte[] v = c.ks.readBlob(p);
        r.integer((v[(int) byteIdx] >> (7 - (int) (off & 7))) & 1);
    }

    /** The string at {@code key} for a read, null if absent; WRONGTYPE for another type. */
    private static byte[] readString(CommandContext c, byte[] key) {
        return c.getString(key);
    }

    /** BYTE or BIT, else a syntax error. */
    private static boolean isBitUnit(byte[] arg) {
        String u = str(arg);
        if (u.equalsIgnoreCase("bit")) {
            return true;
        }
        if (u.equalsIgnoreCase("byte")) {
            return false;
        }
        throw new CommandEngine.ReplyError(SYNTAX);
    }

    /**
     * BITCOUNT key [start end [BYTE|BIT]] (bitops.c bitcountCommand, 7.0): the key is looked up before the range
     * is parsed, so an absent key answers 0 whatever follows.
     */
    private static void bitcount(CommandContext c, List<byte[]> a, Reply r) {
        byte[] v = readString(c, a.get(1));
        if (v == null) {
            r.integer(0);
            return;
        }
        long strlen = v.length;
        long start;
        long end;
        boolean isBit = false;
        if (a.size() == 4 || a.size() == 5) {
            start = parseLong(a.get(2));
            end = parseLong(a.get(3));
            // 7.0 answers 0 for an empty negative range before it reads the unit (BITCOUNT k -2 -3 nibble is 0)
            if (start < 0 && end < 0 && start > end) {
                r.integer(0);
                return;
            }
            if (a.size() == 5) {
                isBit = isBitUnit(a.get(4));
            }
            long total = isBit ? strlen << 3 : strlen;
            if (start < 0) {
                start = total + start;
            }
            if (end < 0) {
                end = total + end;
            }
            if (start < 0) {
                start = 0;
            }
            if (end < 0) {
                end = 0;
            }
            if (end >= total) {
                end = total - 1;
            }
        } else if (a.size() == 2) {
            start = 0;
            end = strlen - 1;
        } else {
            throw new CommandEngine.ReplyError(SYNTAX);
        }
        if (start > end) {
            r.integer(0);
            return;
        }
        long firstBit = isBit ? start : start << 3;
        long lastBit = isBit ? end : (end << 3) + 7;
        long count = 0;
        for (long i = firstBit >> 3; i <= lastBit >> 3; i++) {
            count += Integer.bitCount(v[(int) i] & 0xff);
        }
        // the bits of the edge bytes outside the range (bitops.c first_byte_neg_mask, last_byte_neg_mask)
        count -= Integer.bitCount((v[(int) (firstBit >> 3)] & 0xff) >> (8 - (int) (firstBit & 7)));
        count -= Integer.bitCount(v[(int) (lastBit >> 3)] & ((1 << (7 - (int) (lastBit & 7))) - 1));
        r.integer(count);
    }

    /**
     * BITPOS key bit [start [end [BYTE|BIT]]] (bitops.c bitposCommand): the first bit set to {@code bit} within
     * the range; an absent key is all zeros; looking for 0 without an explicit end sees the string as padded with
     * zeros on its right, so it answers the bit just past the range.
     */
    private static void bitpos(CommandContext c, List<byte[]> a, Reply r) {
        Long bitArg = RedisNumbers.parseLong(a.get(2));
        if (bitArg == null) {
            throw new CommandEngine.ReplyError(CommandEngine.NOT_INTEGER);
        }
        if (bitArg != 0 && bitArg != 1) {
            throw new CommandEngine.ReplyError("ERR The bit argument must be 1 or 0.");
        }
        int bit = bitArg.intValue();
        byte[] v = readString(c, a.get(1));
        if (v == null) {
            r.integer(bit == 1 ? -1 : 0);
            return;
        }
        long strlen = v.length;
        long start;
        long end;
        boolean isBit = false;
        boolean endGiven = false;
        if (a.size() >= 4 && a.size() <= 6) {
            start = parseLong(a.get(3));
            if (a.size() == 6) {
                isBit = isBitUnit(a.get(5));
            }
            if (a.size() >= 5) {
                end = parseLong(a.get(4));
                endGiven = true;
            } else {
                end = isBit ? (strlen << 3) + 7 : strlen - 1;
            }
            long total = isBit ? strlen << 3 : strlen;
            if (start < 0) {
                start = total + start;
            }
            if (end < 0) {
                end = total + end;
            }
            if (start < 0) {
                start = 0;
            }
            if (end < 0) {
                end = 0;
            }
            if (end >= total) {
                end = total - 1;
            }
        } else if (a.size() == 3) {
            start = 0;
            end = strlen - 1;
        } else {
            throw new CommandEngine.ReplyError(SYNTAX);
        }
        if (start > end) {
            r.integer(-1);
            return;
        }
        long firstBit = isBit ? start : start << 3;
        long lastBit = isBit ? end : (end << 3) + 7;
        long found = firstBitEqual(v, firstBit, lastBit, bit);
        if (found >= 0) {
            r.integer(found);
            return;
        }
        // not found: a 1 is nowhere; a 0 is just past the end unless the client bounded the range
        if (bit == 1 || endGiven) {
            r.integer(-1);
        } else {
            r.integer(strlen << 3);
        }
    }

    /** The first bit in [from, to] equal to {@code bit}, -1 if none; whole bytes without one are skipped. */
    private static long firstBitEqual(byte[] v, long from, long to, int bit) {
        int skip = bit == 1 ? 0 : 0xff;
        long b = from;
        while (b <= to) {
            if ((b & 7) == 0 && b + 7 <= to && (v[(int) (b >> 3)] & 0xff) == skip) {
                b += 8;
                continue;
            }
            if (((v[(int) (b >> 3)] >> (7 - (int) (b & 7))) & 1) == bit) {
                return b;
            }
            b++;
        }
        return -1;
    }

    /**
     * BITOP AND|OR|XOR|NOT destkey key [key ...] (bitops.c bitopCommand): absent keys are empty strings, shorter
     * strings are padded with zeros; an empty result deletes destkey. Answers the result's length.
     */
    private static void bitop(CommandContext c, List<byte[]> a, Reply r) {
        String op = str(a.get(1));
        int kind;
        if (op.equalsIgnoreCase("and")) {
            kind = 0;
        } else if (op.equalsIgnoreCase("or")) {
            kind = 1;
        } else if (op.equalsIgnoreCase("xor")) {
            kind = 2;
        } else if (op.equalsIgnoreCase("not")) {
            kind = 3;
        } else {
            throw new CommandEngine.ReplyError(SYNTAX);
        }
        if (kind == 3 && a.size() != 4) {
            throw new CommandEngine.ReplyError("ERR BITOP NOT must be called with a single source key.");
        }
        List<byte[]> src = new ArrayList<>();
        int maxLen = 0;
        for (int j = 3; j < a.size(); j++) {
            byte[] v = readString(c, a.get(j));
            src.add(v == null ? new byte[0] : v);
            maxLen = Math.max(maxLen, v == null ? 0 : v.length);
        }
        byte[] dest = a.get(2);
        if (maxLen == 0) {
            if (c.ks.delete(dest)) {
                c.dirty();
            }
            r.integer(0);
            return;
        }
        c.checkRoom(maxLen);
        byte[] res = new byte[maxLen];
        for (int i = 0; i < maxLen; i++) {
            int acc = byteAt(src.get(0), i);
            if (kind == 3) {
                acc = ~acc;
            }
            for (int j = 1; j < src.size(); j++) {
                int b = byteAt(src.get(j), i);
                acc = switch (kind) {
                    case 0 -> acc & b;
                    case 1 -> acc | b;
                    default -> acc ^ b;
                };
            }
            res[i] = (byte) acc;
        }
        c.putString(dest, res, 0, false); // setKey: a new value, no deadline
        c.dirty();
        r.integer(maxLen);
    }

    private static int byteAt(byte[] v, int i) {
        return i < v.length ? v[i] & 0xff : 0;
    }

    // ------------------------------------------------------------------ BITFIELD

    private record FieldOp(int opcode, boolean signed, int bits, long offset, long value, int overflow) {}

    private static final int OP_GET = 0;
    private static final int OP_SET = 1;
    private static final int OP_INCRBY = 2;
    private static final int WRAP = 0;
    private static final int SAT = 1;
    private static final int FAIL = 2;

    /**
     * BITFIELD key [GET type offset | SET type offset value | INCRBY type offset increment | OVERFLOW WRAP|SAT|FAIL]
     * ... and BITFIELD_RO (GET only) (bitops.c bitfieldGeneric): every subcommand is parsed before any runs; the
     * string grows to the farthest bit a write reaches.
     */
    private static void bitfield(CommandContext c, List<byte[]> a, Reply r, boolean readOnlyCommand) {
        List<FieldOp> ops = new ArrayList<>();
        int overflow = WRAP;
        boolean readonly = true;
        long highestWrite = 0;
        for (int j = 2; j < a.size(); j++) {
            int rem = a.size() - j - 1;
            String sub = str(a.get(j));
            int opcode;
            if (sub.equalsIgnoreCase("get") && rem >= 2) {
                opcode = OP_GET;
            } else if (sub.equalsIgnoreCase("set") && rem >= 3) {
                opcode = OP_SET;
            } else if (sub.equalsIgnoreCase("incrby") && rem >= 3) {
                opcode = OP_INCRBY;
            } else if (sub.equalsIgnoreCase("overflow") && rem >= 1) {
                String type = str(a.get(++j));
                if (type.equalsIgnoreCase("wrap")) {
                    overflow = WRAP;
                } else if (type.equalsIgnoreCase("sat")) {
                    overflow = SAT;
                } else if (type.equalsIgnoreCase("fail")) {
                    overflow = FAIL;
                } else {
                    throw new CommandEngine.ReplyError("ERR Invalid OVERFLOW type specified");
                }
                continue;
            } else {
                throw new CommandEngine.ReplyError(SYNTAX);
            }
            byte[] typeArg = a.get(j + 1);
            boolean signed;
            // lower case only, as bitops.c getBitfieldTypeFromArgument
            if (typeArg.length > 0 && typeArg[0] == 'i') {
                signed = true;
            } else if (typeArg.length > 0 && typeArg[0] == 'u') {
                signed = false;
            } else {
                throw new CommandEngine.ReplyError(BITFIELD_TYPE_ERR);
            }
            // strlen(p+1): the width ends at the first NUL byte, as in C
            int stop = 1;
            while (stop < typeArg.length && typeArg[stop] != 0) {
                stop++;
            }
            Long width = RedisNumbers.parseLong(Arrays.copyOfRange(typeArg, 1, stop));
            if (width == null || width < 1 || (signed && width > 64) || (!signed && width > 63)) {
                throw new CommandEngine.ReplyError(BITFIELD_TYPE_ERR);
            }
            int bits = width.intValue();
            long offset = bitOffset(a.get(j + 2), bits);
            long value = 0;
            if (opcode != OP_GET) {
                readonly = false;
                highestWrite = Math.max(highestWrite, offset + bits - 1);
                value = parseLong(a.get(j + 3));
            }
            ops.add(new FieldOp(opcode, signed, bits, offset, value, overflow));
            j += opcode == OP_GET ? 2 : 3;
        }
        byte[] key = a.get(1);
        byte[] v;
        boolean[] grown = new boolean[1];
        if (readonly) {
            v = readString(c, key);
        } else {
            if (readOnlyCommand) {
                throw new CommandEngine.ReplyError("ERR BITFIELD_RO only supports the GET subcommand");
            }
            v = stringForBits(c, key, highestWrite, grown);
        }
        r.array(ops.size());
        long changes = 0;
        for (FieldOp op : ops) {
            if (op.opcode == OP_GET) {
                long got = v == null || (op.offset >> 3) >= v.length ? 0 : getBits(v, op.offset, op.bits);
                if (op.signed) {
                    got = signExtend(got, op.bits);
                }
                r.integer(got);
                continue;
            }
            long oldRaw = getBits(v, op.offset, op.bits);
            long[] res = new long[1];
            boolean over;
            long reply;
            long newVal;
            if (op.signed) {
                long old = signExtend(oldRaw, op.bits);
                if (op.opcode == OP_INCRBY) {
                    over = signedOverflow(old, op.value, op.bits, op.overflow, res);
                    newVal = over ? res[0] : old + op.value;
                    reply = newVal;
                } else {
                    over = signedOverflow(op.value, 0, op.bits, op.overflow, res);
                    newVal = over ? res[0] : op.value;
                    reply = old;
                }
            } else {
                if (op.opcode == OP_INCRBY) {
                    over = unsignedOverflow(oldRaw, op.value, op.bits, op.overflow, res);
                    newVal = over ? res[0] : oldRaw + op.value;
                    reply = newVal;
                } else {
                    over = unsignedOverflow(op.value, 0, op.bits, op.overflow, res);
                    newVal = over ? res[0] : op.value;
                    reply = oldRaw;
                }
            }
            if (over && op.overflow == FAIL) {
                r.nullBulk();
                continue;
            }
            r.integer(reply);
            setBits(v, op.offset, op.bits, newVal);
            long mask = op.bits == 64 ? -1L : (1L << op.bits) - 1;
            if (grown[0] || (oldRaw & mask) != (newVal & mask)) {
                changes++;
            }
        }
        // the key was created or grew even if every write failed (OVERFLOW FAIL); only writes that changed bits
        // count, so such a command is not propagated (bitops.c bitfieldGeneric)
        if (changes > 0 || grown[0]) {
            store(c, key, v);
            c.dirty(changes);
        }
    }

    /** bitops.c getUnsignedBitfield: {@code bits} bits from bit {@code offset}, most significant first. */
    private static long getBits(byte[] p, long offset, int bits) {
        long value = 0;
        for (int j = 0; j < bits; j++, offset++) {
            long byteIdx = offset >> 3;
            int bitval = byteIdx < p.length ? (p[(int) byteIdx] >> (7 - (int) (offset & 7))) & 1 : 0;
            value = (value << 1) | bitval;
        }
        return value;
    }

    /** bitops.c setUnsignedBitfield. */
    private static void setBits(byte[] p, long offset, int bits, long value) {
        for (int j = 0; j < bits; j++, offset++) {
            int bitval = (int) ((value >>> (bits - 1 - j)) & 1);
            int byteIdx = (int) (offset >> 3);
            int bit = 7 - (int) (offset & 7);
            p[byteIdx] = (byte) ((p[byteIdx] & ~(1 << bit)) | (bitval << bit));
        }
    }

    /** bitops.c getSignedBitfield: the top bit of the field propagated to the higher bits. */
    private static long signExtend(long v, int bits) {
        if (bits < 64 && (v & (1L << (bits - 1))) != 0) {
            v |= -1L << bits;
        }
        return v;
    }

    /** bitops.c checkUnsignedBitfieldOverflow; {@code limit[0]} gets the wrapped or saturated value. */
    private static boolean unsignedOverflow(long value, long incr, int bits, int owtype, long[] limit) {
        long max = (1L << bits) - 1; // bits <= 63
        long maxIncr = max - value;
        long minIncr = -value;
        if (Long.compareUnsigned(value, max) > 0 || (incr > 0 && incr > maxIncr)) {
            if (owtype == WRAP) {
                limit[0] = (value + incr) & max;
            } else if (owtype == SAT) {
                limit[0] = max;
            }
            return true;
        } else if (incr < 0 && incr < minIncr) {
            if (owtype == WRAP) {
                limit[0] = (value + incr) & max;
            } else if (owtype == SAT) {
                limit[0] = 0;
            }
            return true;
        }
        return false;
    }

    /** bitops.c checkSignedBitfieldOverflow. */
    private static boolean signedOverflow(long value, long incr, int bits, int owtype, long[] limit) {
        long max = bits == 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1;
        long min = -max - 1;
        long maxIncr = max - value; // may wrap; used only once value is known in range, as in C
        long minIncr = min - value;
        if (value > max || (bits != 64 && incr > maxIncr) || (value >= 0 && incr > 0 && incr > maxIncr)) {
            wrapOrSat(value, incr, bits, owtype, limit, max);
            return true;
        } else if (value < min || (bits != 64 && incr < minIncr) || (value < 0 && incr < 0 && incr < minIncr)) {
            wrapOrSat(value, incr, bits, owtype, limit, min);
            return true;
        }
        return false;
    }

    private static void wrapOrSat(long value, long incr, int bits, int owtype, long[] limit, long sat) {
        if (owtype == WRAP) {
            limit[0] = signExtendOrMask(value + incr, bits);
        } else if (owtype == SAT) {
            limit[0] = sat;
        }
    }

    private static long signExtendOrMask(long c, int bits) {
        if (bits < 64) {
            long mask = -1L << bits;
            long msb = 1L << (bits - 1);
            c = (c & msb) != 0 ? c | mask : c & ~mask;
        }
        return c;
    }
}
