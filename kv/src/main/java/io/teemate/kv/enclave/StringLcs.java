package io.teemate.kv.enclave;

import java.util.ArrayList;
import java.util.List;

import static io.teemate.kv.enclave.CommandContext.parseLong;
import static io.teemate.kv.enclave.CommandContext.str;
import static io.teemate.kv.enclave.CommandEngine.MAX_STRING;
import static io.teemate.kv.enclave.CommandEngine.SYNTAX;

/**
 * LCS key1 key2 [LEN] [IDX] [MINMATCHLEN n] [WITHMATCHLEN] (t_string.c lcsCommand): the longest common subsequence
 * by the textbook dynamic programming table, walked back exactly as Redis walks it so that the IDX ranges are its.
 */
final class StringLcs {
    private StringLcs() {}

    static void lcs(CommandContext c, List<byte[]> a, Reply r) {
        Keyspace ks = c.ks;
        long ea = ks.find(a.get(1));
        long eb = ks.find(a.get(2));
        if ((ea != 0 && ks.type(ea) != Keyspace.TYPE_STRING) || (eb != 0 && ks.type(eb) != Keyspace.TYPE_STRING)) {
            throw new CommandEngine.ReplyError("ERR The specified keys must contain string values");
        }
        boolean getIdx = false;
        boolean getLen = false;
        boolean withMatchLen = false;
        long minMatchLen = 0;
        for (int j = 3; j < a.size(); j++) {
            String opt = str(a.get(j));
            boolean moreArgs = j + 1 < a.size();
            if (opt.equalsIgnoreCase("idx")) {
                getIdx = true;
            } else if (opt.equalsIgnoreCase("len")) {
                getLen = true;
            } else if (opt.equalsIgnoreCase("withmatchlen")) {
                withMatchLen = true;
            } else if (opt.equalsIgnoreCase("minmatchlen") && moreArgs) {
                minMatchLen = Math.max(0, parseLong(a.get(++j)));
            } else {
                throw new CommandEngine.ReplyError(SYNTAX);
            }
        }
        if (getIdx && getLen) {
            throw new CommandEngine.ReplyError("ERR If you want both the length and indexes, please just use IDX.");
        }
        // "Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len": Redis bounds its table of
        // uint32 by the largest string; checked on the lengths before either value is read into the heap
        long alen = ea == 0 ? 0 : ks.blobLength(ks.valueRef(ea));
        long blen = eb == 0 ? 0 : ks.blobLength(ks.valueRef(eb));
        if ((alen + 1) * (blen + 1) * 4 > MAX_STRING) {
            throw new CommandEngine.ReplyError(
                    "ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len");
        }
        byte[] x = ea == 0 ? new byte[0] : ks.readBlob(ks.valueRef(ea));
        byte[] y = eb == 0 ? new byte[0] : ks.readBlob(ks.valueRef(eb));
        int n = x.length;
        int m = y.length;
        int w = m + 1;
        // every cell is at most min(n, m), below 11586 under the bound above: a char holds it, half Redis's table
        char[] t;
        try {
            t = new char[(n + 1) * w];
        } catch (OutOfMemoryError oom) {
            throw new CommandEngine.ReplyError("ERR Insufficient memory, failed allocating transient memory for LCS");
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                if (x[i - 1] == y[j - 1]) {
                    t[i * w + j] = (char) (t[(i - 1) * w + j - 1] + 1);
                } else {
                    t[i * w + j] = (char) Math.max(t[(i - 1) * w + j], t[i * w + j - 1]);
                }
            }
        }
        int len = t[n * w + m];
        if (getLen && !getIdx) {
            r.integer(len);
            return;
        }
        byte[] result = new byte[len];
        List<long[]> ranges = new ArrayList<>();
        int idx = len;
        int aStart = n; // n: no range open
        int aEnd = 0;
        int bStart = 0;
        int bEnd = 0;
        int i = n;
        int j = m;
        while (i > 0 && j > 0) {
            boolean emit = false;
            if (x[i - 1] == y[j - 1]) {
                result[idx - 1] = x[i - 1];
                if (aStart == n) {
                    aStart = i - 1;
                    aEnd = i - 1;
                    bStart = j - 1;
                    bEnd = j - 1;
                } else if (aStart == i && bStart == j) {
                    aStart--;
                    bStart--;
                } else {
                    emit = true;
                }
                if (aStart == 0 || bStart == 0) {
                    emit = true;
                }
                idx--;
                i--;
                j--;
            } else {
                if (t[(i - 1) * w + j] > t[i * w + j - 1]) {
                    i--;
                } else {
                    j--;
                }
                if (aStart != n) {
                    emit = true;
                }
            }
            if (emit) {
                long matchLen = aEnd - aStart + 1;
                if (minMatchLen == 0 || matchLen >= minMatchLen) {
                    ranges.add(new long[] {aStart, aEnd, bStart, bEnd, matchLen});
                }
                aStart = n;
            }
        }
        if (!getIdx) {
            r.bulk(result);
            return;
        }
        r.array(4).bulk("matches").array(ranges.size());
        for (long[] g : ranges) {
            r.array(withMatchLen ? 3 : 2);
            r.array(2).integer(g[0]).integer(g[1]);
            r.array(2).integer(g[2]).integer(g[3]);
            if (withMatchLen) {
                r.integer(g[4]);
            }
        }
        r.bulk("len").integer(len);
    }
}
