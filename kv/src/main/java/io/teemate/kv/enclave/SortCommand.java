package io.teemate.kv.enclave;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import static io.teemate.kv.enclave.CommandContext.isOneOf;
import static io.teemate.kv.enclave.CommandContext.parseLong;
import static io.teemate.kv.enclave.CommandEngine.SYNTAX;
import static io.teemate.kv.enclave.CommandEngine.WRONGTYPE;
import static io.teemate.kv.enclave.CommandSpec.Flag.DENYOOM;
import static io.teemate.kv.enclave.CommandSpec.Flag.READONLY;
import static io.teemate.kv.enclave.CommandSpec.Flag.WRITE;
import static io.teemate.kv.enclave.CommandSpec.oneKey;

/**
 * SORT key [BY pattern] [LIMIT offset count] [GET pattern ...] [ASC | DESC] [ALPHA] [STORE destination] and SORT_RO
 * (sort.c sortCommandGeneric): lists and sets (sorted sets when the type exists) sorted numerically (strtod of each
 * element or of its BY value) or byte-wise (ALPHA), BY a pattern without '*' meaning no sorting, GET # and GET
 * patterns with '->' hash fields, and STORE into a list (an empty result deletes the destination).
 */
final class SortCommand {
    private SortCommand() {}

    static void register(CommandTable t) {
        t.add(oneKey("sort", -2, Set.of(WRITE, DENYOOM), (c, a, r) -> sort(c, a, r, false)));
        t.add(oneKey("sort_ro", -2, Set.of(READONLY), (c, a, r) -> sort(c, a, r, true)));
    }

    /** One element to sort: the element, its numeric score or its BY value for ALPHA (null: no such key). */
    private static final class Item {
        final byte[] obj;
        double score;
        byte[] cmp;

        Item(byte[] obj) {
            this.obj = obj;
        }
    }

    private static void sort(CommandContext c, List<byte[]> a, Reply r, boolean readonly) {
        Keyspace ks = c.ks;
        boolean desc = false;
        boolean alpha = false;
        boolean dontsort = false;
        long limitStart = 0;
        long limitCount = -1;
        byte[] by = null;
        byte[] store = null;
        List<byte[]> gets = new ArrayList<>();
        for (int j = 2; j < a.size(); j++) {
            int left = a.size() - j - 1;
            byte[] w = a.get(j);
            if (isOneOf(w, "asc")) {
                desc = false;
            } else if (isOneOf(w, "desc")) {
                desc = true;
            } else if (isOneOf(w, "alpha")) {
                alpha = true;
            } else if (isOneOf(w, "limit") && left >= 2) {
                limitStart = parseLong(a.get(j + 1));
                limitCount = parseLong(a.get(j + 2));
                j += 2;
            } else if (!readonly && isOneOf(w, "store") && left >= 1) {
                store = a.get(++j);
            } else if (isOneOf(w, "by") && left >= 1) {
                by = a.get(++j);
                // "We don't want to sort if the BY pattern doesn't contain a '*'": set, never cleared by a later BY
                dontsort |= indexOf(by, (byte) '*') < 0;
            } else if (isOneOf(w, "get") && left >= 1) {
                gets.add(a.get(++j));
            } else {
                throw new CommandEngine.ReplyError(SYNTAX);
            }
        }
        long e = ks.find(a.get(1));
        int type = e == 0 ? Keyspace.TYPE_LIST : ks.type(e);
        if (type != Keyspace.TYPE_LIST && type != Keyspace.TYPE_SET) { // sorted sets: add TYPE_ZSET here
            throw new CommandEngine.ReplyError(WRONGTYPE);
        }
        long ref = e == 0 ? 0 : ks.valueRef(e);
        // a set has no order of its own: with STORE the result is forced to a deterministic ALPHA sort
        if (dontsort && type == Keyspace.TYPE_SET && store != null) {
            dontsort = false;
            alpha = true;
            by = null;
        }
        long vectorlen = ref == 0 ? 0 : type == Keyspace.TYPE_LIST ? ks.listLength(ref) : ks.dictCount(ref);
        long start = limitStart < 0 ? 0 : limitStart;
        long end = limitCount < 0 ? vectorlen - 1 : start + limitCount - 1; // Redis's overflow, if any, as is
        if (start >= vectorlen) {
            start = vectorlen - 1;
            end = vectorlen - 2;
        }
        if (end >= vectorlen) {
            end = vectorlen - 1;
        }
        List<Item> vector = new ArrayList<>();
        if (type == Keyspace.TYPE_LIST && dontsort) {
            // the list's own order (reversed by DESC), only the LIMIT range loaded
            if (end >= start && ref != 0) {
                long len = ks.listLength(ref);
                List<byte[]> range =
                        desc ? ks.listRange(ref, len - end - 1, len - start - 1) : ks.listRange(ref, start, end);
                if (desc) {
                    java.util.Collections.reverse(range);
                }
                range.forEach(x -> vector.add(new Item(x)));
                end -= start;
                start = 0;
            }
        } else if (ref != 0) {
            List<byte[]> all = type == Keyspace.TYPE_LIST
                    ? ks.listRange(ref, 0, ks.listLength(ref) - 1)
                    : ks.dictItems(ref, true, false);
            all.forEach(x -> vector.add(new Item(x)));
        }
        boolean conversionError = false;
        if (!dontsort) {
            for (Item it : vector) {
                byte[] byval = by != null ? lookupByPattern(ks, by, it.obj) : it.obj;
                if (byval == null) {
                    continue;
                }
                if (alpha) {
                    if (by != null) {
                        it.cmp = byval;
                    }
                } else {
                    Double d = strtod(byval);
                    if (d == null) {
                        conversionError = true;
                    } else {
                        it.score = d;
                    }
                }
            }
            Comparator<Item> cmp = comparator(alpha, by != null);
            vector.sort(desc ? cmp.reversed() : cmp);
        }
        long count = end - start + 1;
        long outputlen = gets.isEmpty() ? Math.max(0, count) : gets.size() * Math.max(0, count);
        if (conversionError) {
            throw new CommandEngine.ReplyError("ERR One or more scores can't be converted into double");
        }
        if (store == null) {
            r.array((int) outputlen);
            for (long j = start; j <= end; j++) {
                Item it = vector.get((int) j);
                if (gets.isEmpty()) {
                    r.bulk(it.obj);
                }
                for (byte[] g : gets) {
                    r.bulk(lookupByPattern(ks, g, it.obj));
                }
            }
            return;
        }
        List<byte[]> out = new ArrayList<>();
        for (long j = start; j <= end; j++) {
            Item it = vector.get((int) j);
            if (gets.isEmpty()) {
                out.add(it.obj);
            }
            for (byte[] g : gets) {
                byte[] v = lookupByPattern(ks, g, it.obj);
                out.add(v == null ? new byte[0] : v);
            }
        }
        if (!out.isEmpty()) {
            long l = ks.newList();
            try {
                for (byte[] v : out) {
                    ks.listPush(l, false, v);
                }
            } catch (KeyspaceFullException full) {
                ks.freeValue(Keyspace.TYPE_LIST, l);
                throw full;
            }
            long de = ks.find(store);
            if (de == 0) {
                ks.insertOrFree(store, Keyspace.TYPE_LIST, l);
            } else {
                ks.freeValue(ks.type(de), ks.valueRef(de));
                ks.setValue(de, Keyspace.TYPE_LIST, l);
                ks.setExpireAt(de, 0); // setKey without KEEPTTL
            }
            c.dirty(outputlen);
        } else if (ks.find(store) != 0) {
            ks.delete(store);
            c.dirty();
        }
        r.integer(outputlen);
    }

    /** sort.c sortCompare: numeric by score then bytes, or ALPHA by the BY value (missing first) or the element. */
    private static Comparator<Item> comparator(boolean alpha, boolean byPattern) {
        if (!alpha) {
            return (x, y) -> x.score > y.score ? 1 : x.score < y.score ? -1 : Arrays.compareUnsigned(x.obj, y.obj);
        }
        if (byPattern) {
            return (x, y) -> {
                if (x.cmp == null || y.cmp == null) {
                    return x.cmp == y.cmp ? 0 : x.cmp == null ? -1 : 1;
                }
                return Arrays.compareUnsigned(x.cmp, y.cmp);
            };
        }
        return (x, y) -> Arrays.compareUnsigned(x.obj, y.obj);
    }

    /**
     * sort.c lookupKeyByPattern: "#" is the element itself; otherwise the first '*' is replaced by the element and
     * the string value of that key is returned, or with "->field" after the '*' the field of that hash; null if the
     * pattern has no '*', the key is missing or of another type.
     */
    static byte[] lookupByPattern(Keyspace ks, byte[] pattern, byte[] subst) {
        if (pattern.length == 1 && pattern[0] == '#') {
            return subst;
        }
        int star = indexOf(pattern, (byte) '*');
        if (star < 0) {
            return null;
        }
        int arrow = -1;
        for (int i = star + 1; i + 1 < pattern.length; i++) {
            if (pattern[i] == '-' && pattern[i + 1] == '>') {
                arrow = i;
                break;
            }
        }
        byte[] field = null;
        int postEnd = pattern.length;
        if (arrow >= 0 && arrow + 2 < pattern.length) {
            field = Arrays.copyOfRange(pattern, arrow + 2, pattern.length);
            postEnd = arrow;
        }
        byte[] key = new byte[star + subst.length + (postEnd - star - 1)];
        System.arraycopy(pattern, 0, key, 0, star);
        System.arraycopy(subst, 0, key, star, subst.length);
        System.arraycopy(pattern, star + 1, key, star + subst.length, postEnd - star - 1);
        long e = ks.find(key);
        if (e == 0) {
            return null;
        }
        if (field != null) {
            return ks.type(e) == Keyspace.TYPE_HASH ? ks.hashGet(ks.valueRef(e), field) : null;
        }
        return ks.type(e) == Keyspace.TYPE_STRING ? ks.readBlob(ks.valueRef(e)) : null;
    }

    private static int indexOf(byte[] b, byte x) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }

    /**
     * C's strtod as sort.c uses it: leading white space, a decimal or hex float, inf/infinity/nan; the whole string
     * must be consumed; NaN and out-of-range results (ERANGE: overflow, underflow) are errors (null). "" is 0.
     */
    static Double strtod(byte[] b) {
        String s = CommandContext.str(b);
        int i = 0;
        while (i < s.length() && " \t\n\u000b\f\r".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        String t = s.substring(i);
        if (t.isEmpty()) {
            return s.isEmpty() ? 0.0 : null; // only spaces: nothing converted, eptr stays at the start
        }
        String u = t.toLowerCase(java.util.Locale.ROOT);
        String body = u.startsWith("+") || u.startsWith("-") ? u.substring(1) : u;
        boolean neg = u.startsWith("-");
        if (body.equals("inf") || body.equals("infinity")) {
            return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (body.startsWith("nan")) {
            return null;
        }
        if (!body.matches("(\\d+\\.?\\d*|\\.\\d+)(e[+-]?\\d+)?|0x([0-9a-f]+\\.?[0-9a-f]*|\\.[0-9a-f]+)(p[+-]?\\d+)?")) {
            return null;
        }
        double d;
        try {
            if (body.startsWith("0x")) {
                String hex = body.contains("p") ? body : body + "p0";
                d = Double.parseDouble((neg ? "-" : "") + hex);
            } else {
                d = Double.parseDouble(t);
            }
        } catch (NumberFormatException bad) {
            return null;
        }
        if (Double.isInfinite(d)) {
            return null; // ERANGE overflow
        }
        if (d == 0 && body.matches(".*[1-9a-f].*") && !body.startsWith("0x0p") && hasNonZeroMantissa(body)) {
            return null; // ERANGE underflow
        }
        return d;
    }

    private static boolean hasNonZeroMantissa(String body) {
        String m = body.startsWith("0x") ? body.substring(2).split("p")[0] : body.split("e")[0];
        return m.chars().anyMatch(ch -> ch != '0' && ch != '.');
    }
}
