package io.teemate.enclave.apps;

import io.teemate.enclave.memory.Arena;
import io.teemate.enclave.memory.EnclaveMemory;
import io.teemate.enclave.runtime.ContainerApp;
import io.teemate.enclave.runtime.ContainerEnv;

import java.io.IOException;
import java.io.InputStream;

/**
 * {@code wc} over the container's trusted files (its arguments): lines, words and bytes of each file and a total.
 * The counters live in the container's heap in enclave pages, not in Java fields.
 */
public final class WordCount implements ContainerApp {
    @Override
    public String name() {
        return "wordcount";
    }

    @Override
    public int main(ContainerEnv env) throws IOException {
        Arena heap = env.heap();
        EnclaveMemory mem = env.memory();
        long totals = heap.allocate(24);
        StringBuilder out = new StringBuilder();
        for (String path : env.args()) {
            long counts = heap.allocate(24);
            count(env.openFile(path), mem, counts);
            for (int i = 0; i < 3; i++) {
                mem.writeLong(totals + 8L * i, mem.readLong(totals + 8L * i) + mem.readLong(counts + 8L * i));
            }
            out.append(line(mem, counts, path));
            heap.free(counts);
        }
        if (env.args().size() > 1) {
            out.append(line(mem, totals, "total"));
        }
        heap.free(totals);
        env.print(out.toString());
        return 0;
    }

    private static void count(InputStream in, EnclaveMemory mem, long counts) throws IOException {
        long lines = 0;
        long words = 0;
        long bytes = 0;
        boolean inWord = false;
        byte[] buf = new byte[8192];
        for (int n; (n = in.read(buf, 0, buf.length)) > 0; ) {
            bytes += n;
            for (int i = 0; i < n; i++) {
                byte b = buf[i];
                if (b == '\n') {
                    lines++;
                }
                boolean space = b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == 0x0B || b == '\f';
                if (!space && !inWord) {
                    words++;
                }
                inWord = !space;
            }
        }
        mem.writeLong(counts, lines);
        mem.writeLong(counts + 8, words);
        mem.writeLong(counts + 16, bytes);
    }

    private static String line(EnclaveMemory mem, long counts, String name) {
        return String.format(
                "%7d %7d %7d %s%n", mem.readLong(counts), mem.readLong(counts + 8), mem.readLong(counts + 16), name);
    }
}
