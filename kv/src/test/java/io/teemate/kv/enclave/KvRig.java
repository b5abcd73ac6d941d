package io.teemate.kv.enclave;

import io.teemate.enclave.memory.CowSpace;
import io.teemate.enclave.memory.EnclavePageAllocator;
import io.teemate.enclave.memory.FakeEnclaveMemory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A keyspace in a CowSpace over fake enclave memory, a settable clock, and helpers to run commands as strings. */
final class KvRig {
    static final long BASE = 0x10_0000L;
    final EnclavePageAllocator heap;
    final CowSpace space;
    final Keyspace ks;
    final CommandEngine engine;
    long now = 1_700_000_000_000L;

    KvRig() {
        this(2048, 64L << 20);
    }

    KvRig(int heapPages, long spaceBytes) {
        heap = new EnclavePageAllocator(new FakeEnclaveMemory(BASE, heapPages), BASE, heapPages, heapPages, null);
        space = new CowSpace(heap, spaceBytes);
        ks = Keyspace.create(space, () -> now, 42);
        engine = new CommandEngine(ks, 7);
    }

    /** Runs a command given as words and returns the RESP reply as a string (ISO-8859-1). */
    String run(String... words) {
        List<byte[]> argv = new ArrayList<>();
        for (String w : words) {
            argv.add(w.getBytes(StandardCharsets.ISO_8859_1));
        }
        return new String(engine.execute(argv), StandardCharsets.ISO_8859_1);
    }

    /** Splits on spaces and runs. */
    String cmd(String line) {
        return run(line.split(" "));
    }

    static String bulk(String s) {
        return s == null ? "$-1\r\n" : "$" + s.getBytes(StandardCharsets.ISO_8859_1).length + "\r\n" + s + "\r\n";
    }

    static String arr(String... items) {
        StringBuilder b = new StringBuilder("*" + items.length + "\r\n");
        Arrays.stream(items).forEach(i -> b.append(bulk(i)));
        return b.toString();
    }

    static String integer(long v) {
        return ":" + v + "\r\n";
    }

    static String err(String s) {
        return "-" + s + "\r\n";
    }

    static final String OK = "+OK\r\n";
    static final String NIL = "$-1\r\n";
}
