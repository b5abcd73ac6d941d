package io.teemate.enclave.runtime;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Untrusted files from the container's root on the host, read through the same ocalls as trusted files
 * ({@link RuntimeAbi#OCALL_FILE_SIZE}, {@link RuntimeAbi#OCALL_FILE_READ}) but with no hash to check: the bytes
 * are whatever the host answers. Only for data the container authenticates itself, such as a sealed blob, whose
 * AES-GCM tag refuses anything the host changed.
 */
final class HostFiles {
    private HostFiles() {
    }

    static InputStream open(HostCalls host, String path) throws IOException {
        long size;
        try {
            Wire.Reader r = new Wire.Reader(host.call(RuntimeAbi.OCALL_FILE_SIZE, new Wire.Writer().string(path).toBytes()));
            size = r.u64("file size");
            r.end();
        } catch (HostCalls.OcallException e) {
            throw new FileNotFoundException(path + ": cannot open (" + e.getMessage() + ")");
        }
        int chunk = Math.max(1, host.capacity() - 64);
        return new InputStream() {
            private long position;
            private byte[] buffer = new byte[0];
            private int inBuffer;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                if (inBuffer == buffer.length) {
                    if (position >= size) {
                        return -1;
                    }
                    int want = (int) Math.min(chunk, size - position);
                    try {
                        buffer = host.call(RuntimeAbi.OCALL_FILE_READ,
                                new Wire.Writer().string(path).u64(position).u32(want).toBytes());
                    } catch (HostCalls.OcallException e) {
                        throw new IOException(path + ": read at " + position + " failed (" + e.getMessage() + ")");
                    }
                    if (buffer.length == 0) {
                        throw new IOException(path + ": the host returned no bytes at offset " + position + " of " + size);
                    }
                    inBuffer = 0;
                }
                int n = Math.min(len, buffer.length - inBuffer);
                System.arraycopy(buffer, inBuffer, b, off, n);
                inBuffer += n;
                position += n;
                return n;
            }
        };
    }
}
