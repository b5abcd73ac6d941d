package io.teemate.enclave.runtime;

import java.io.IOException;
import java.io.InputStream;

/**
 * An input stream over data that arrives a chunk at a time (an ocall's answer, a decrypted record): subclasses
 * fetch, check and return the next chunk; this hands its bytes out in whatever pieces the reader asks for.
 */
public abstract class ChunkedInputStream extends InputStream {
    private byte[] chunk = new byte[0];
    private int at;

    /** The next chunk (possibly empty), or null at the end of the data. */
    protected abstract byte[] nextChunk() throws IOException;

    @Override
    public final int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public final int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        while (at == chunk.length) {
            byte[] next = nextChunk();
            if (next == null) {
                return -1;
            }
            chunk = next;
            at = 0;
        }
        int n = Math.min(len, chunk.length - at);
        System.arraycopy(chunk, at, b, off, n);
        at += n;
        return n;
    }
}
