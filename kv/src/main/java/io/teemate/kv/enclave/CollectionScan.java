package io.teemate.kv.enclave;

import io.teemate.kv.abi.Glob;

import java.util.ArrayList;
import java.util.List;

import static io.teemate.kv.enclave.CommandContext.isOneOf;
import static io.teemate.kv.enclave.CommandContext.parseLong;
import static io.teemate.kv.enclave.CommandEngine.SYNTAX;

/**
 * SSCAN and HSCAN key cursor [MATCH pattern] [COUNT count] (db.c scanGenericCommand over a set's or a hash's dict),
 * with the reverse-binary cursor of the key SCAN ({@link Keyspace#dictScanStep}): an element present for the whole
 * iteration is returned at least once even if the dict grows in between.
 * <p>Known difference: Redis answers a small set (intset) or hash (listpack) whole, with cursor 0, in one call; here
 * every collection is a dict and is walked COUNT buckets at a time. A full iteration returns the same elements.
 */
final class CollectionScan {
    private CollectionScan() {}

    /** Runs SSCAN ({@code type} set) or HSCAN ({@code type} hash, field-value pairs). */
    static void scan(CommandContext c, List<byte[]> a, Reply r, int type) {
        long cursor = RedisNumbers.parseCursor(a.get(2)); // db.c: the cursor is parsed before the key is looked up
        long d = c.container(a.get(1), type);
        if (d == 0) { // shared.emptyscan, before the options are read
            r.array(2);
            r.bulk("0");
            r.array(0);
            return;
        }
        long count = 10;
        byte[] pattern = null;
        for (int i = 3; i < a.size(); i += 2) {
            if (i + 1 >= a.size()) {
                throw new CommandEngine.ReplyError(SYNTAX);
            }
            if (isOneOf(a.get(i), "count")) {
                count = parseLong(a.get(i + 1));
                if (count < 1) {
                    throw new CommandEngine.ReplyError(SYNTAX);
                }
            } else if (isOneOf(a.get(i), "match")) {
                byte[] p = a.get(i + 1);
                pattern = p.length == 1 && p[0] == '*' ? null : p;
            } else {
                throw new CommandEngine.ReplyError(SYNTAX); // TYPE is the key SCAN's only
            }
        }
        List<Long> found = new ArrayList<>();
        long maxSteps = count > Long.MAX_VALUE / 10 ? Long.MAX_VALUE : count * 10;
        do {
            cursor = c.ks.dictScanStep(d, cursor, found::add);
        } while (cursor != 0 && maxSteps-- > 0 && found.size() < count);
        List<byte[]> out = new ArrayList<>();
        for (long e : found) {
            byte[] k = c.ks.key(e);
            if (pattern != null && !Glob.matches(pattern, k)) {
                continue;
            }
            out.add(k);
            if (type == Keyspace.TYPE_HASH) {
                out.add(c.ks.dictEntryValue(e));
            }
        }
        r.array(2);
        r.bulk(Long.toUnsignedString(cursor));
        r.bulks(out);
    }
}
