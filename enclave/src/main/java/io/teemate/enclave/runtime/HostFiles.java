package io.teemate.enclave.runtime;

import io.teemate.abi.RuntimeAbi;
import io.teemate.abi.Wire;

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
    private HostFiles() {}

    static InputStream open(HostCalls host, String path) throws IOException {
        long size;
        try {
            Wire.Reader r = new Wire.Reader(host.call(
                    RuntimeAbi.OCALL_FILE_SIZE, new Wire.Writer().string(path).toBytes()));
            size = r.u64("file size");
            r.end();
        } catch (HostCalls.OcallException e) {
            throw new FileNotFoundException(path + ": cannot open (" + e.getMessage() + ")");
        }
        int chunk = Math.max(1, host.capacity() - 64);
        return new ChunkedInputStream() {
            private long position;

            @Override
            protected byte[] nextChunk() throws IOException {
                if (position >= size) {
                    return null;
                }
                int want = (int) Math.min(chunk, size - position);
                byte[] got;
                try {
                    got = host.call(
                            RuntimeAbi.OCALL_FILE_READ,
                            new Wire.Writer()
                                    .string(path)
                                    .u64(position)
                                    .u32(want)
                                    .toBytes());
                } catch (HostCalls.OcallException e) {
                    throw new IOException(path + ": read at " + position + " failed (" + e.getMessage() + ")");
                }
                if (got.length == 0) {
                    throw new IOException(path + ": the host returned no bytes at offset " + position + " of " + size);
                }
                position += got.length;
                return got;
            }
        };
    }
}
