package io.teemate.kv.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * COMMAND DOCS (server.c commandDocsCommand): each command's documentation as Redis 7.0 gives it (summary, since,
 * group, complexity, doc flags, history, arguments with their types and flags, subcommands), which Redis builds from
 * its src/commands/*.json files. The server ships that reply as redis-server 7.0.15 gives it for the commands this
 * server has ({@code command-docs.resp} beside this class: the RESP2 reply of {@code COMMAND DOCS <every command>}),
 * and answers from it; RESP3's maps and sets come from {@link ReplyShapes}.
 */
final class CommandDocs {
    private CommandDocs() {}

    /** Each documented command's doc (its RESP2 map, a flat array), by lower-case name, in name order. */
    static final Map<String, byte[]> DOCS = load();

    private static Map<String, byte[]> load() {
        byte[] all;
        try (InputStream in = CommandDocs.class.getResourceAsStream("command-docs.resp")) {
            if (in == null) {
                throw new IllegalStateException("command-docs.resp is missing from the server's classes");
            }
            all = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, byte[]> docs = new LinkedHashMap<>();
        int[] at = {0};
        long n = header(all, at, '*');
        for (long i = 0; i < n / 2; i++) {
            int nameStart = at[0];
            int nameEnd = skip(all, nameStart);
            byte[] nameBulk = Arrays.copyOfRange(all, nameStart, nameEnd);
            int docEnd = skip(all, nameEnd);
            String name = bulkText(nameBulk);
            docs.put(name, Arrays.copyOfRange(all, nameEnd, docEnd));
            at[0] = docEnd;
        }
        return Collections.unmodifiableMap(docs);
    }

    private static long header(byte[] b, int[] at, char type) {
        if (b[at[0]] != type) {
            throw new IllegalStateException("command-docs.resp: not a RESP2 array");
        }
        int eol = eol(b, at[0]);
        long n = Long.parseLong(new String(b, at[0] + 1, eol - at[0] - 1, StandardCharsets.US_ASCII));
        at[0] = eol + 2;
        return n;
    }

    private static int eol(byte[] b, int from) {
        int i = from;
        while (!(b[i] == '\r' && b[i + 1] == '\n')) {
            i++;
        }
        return i;
    }

    /** Where the RESP2 value at {@code at} ends. */
    private static int skip(byte[] b, int at) {
        int eol = eol(b, at);
        int next = eol + 2;
        long n = b[at] == '$' || b[at] == '*'
                ? Long.parseLong(new String(b, at + 1, eol - at - 1, StandardCharsets.US_ASCII))
                : 0;
        if (b[at] == '$') {
            return n < 0 ? next : next + (int) n + 2;
        }
        if (b[at] == '*') {
            int p = next;
            for (long i = 0; i < n; i++) {
                p = skip(b, p);
            }
            return p;
        }
        return next;
    }

    private static String bulkText(byte[] bulk) {
        int eol = eol(bulk, 0);
        return new String(bulk, eol + 2, bulk.length - eol - 4, StandardCharsets.US_ASCII);
    }
}
