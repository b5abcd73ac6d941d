package io.teemate.sgx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * MRENCLAVE: one running SHA-256 over 64-byte blocks, one block for ECREATE, one for each EADD and five for
 * each EEXTEND (a header block then the 256 measured bytes) — the SDM Vol.3D ECREATE, EADD and EEXTEND
 * pseudocode; the same algorithm as Linux selftests/sgx/sigstruct.c and Gramine's sgx_sign.py.
 * The machine keeps one in every SECS; signing tools use the same class to predict the value.
 */
public final class Measurement {
    static final long ECREATE_TAG = 0x0045544145524345L; // "ECREATE\0"
    static final long EADD_TAG = 0x0000000044444145L; // "EADD\0\0\0\0"
    static final long EEXTEND_TAG = 0x00444E4554584545L; // "EEXTEND\0"
    /** Bytes of one EEXTEND: 256 of page data per instruction, 16 per page. */
    public static final int EEXTEND_CHUNK = 256;

    private final MessageDigest sha256;
    /** The one-block ECREATE and EADD records. */
    private final byte[] block = new byte[64];

    private final ByteBuffer header = ByteBuffer.wrap(block, 0, 64).order(ByteOrder.LITTLE_ENDIAN);
    private boolean finished;
    /** EEXTEND's header (tag preset, offset at 8, zeros) followed by the 256 measured bytes: one digest update. */
    private final byte[] eextendBlock = new byte[64 + EEXTEND_CHUNK];

    private static final java.lang.invoke.VarHandle LONG_LE =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    public Measurement() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        LONG_LE.set(eextendBlock, 0, EEXTEND_TAG);
    }

    /** ECREATE's block: tag, SSAFRAMESIZE (pages, u32) and SECS.SIZE (u64). */
    public void ecreate(int ssaFrameSize, long size) {
        clearHeader();
        header.putLong(0, ECREATE_TAG).putInt(8, ssaFrameSize).putLong(12, size);
        update(64);
    }

    /** EADD's block: tag, page offset from the base, then the first 48 bytes of SECINFO (FLAGS and zeros). */
    public void eadd(long offset, long secInfoFlags) {
        clearHeader();
        header.putLong(0, EADD_TAG).putLong(8, offset).putLong(16, secInfoFlags);
        update(64);
    }

    /** EEXTEND of the 256 bytes at {@code data[from..]}, located at {@code offset} from the enclave base. */
    public void eextend(long offset, byte[] data, int from) {
        System.arraycopy(data, from, eextendBlock, 64, EEXTEND_CHUNK);
        eextendHeaderAndUpdate(offset);
    }

    /** EEXTEND of the 256 bytes at absolute index {@code index} of {@code data} (the EPC copy of the page). */
    void eextend(long offset, ByteBuffer data, int index) {
        data.get(index, eextendBlock, 64, EEXTEND_CHUNK);
        eextendHeaderAndUpdate(offset);
    }

    private void eextendHeaderAndUpdate(long offset) {
        requireOpen();
        LONG_LE.set(eextendBlock, 8, offset);
        sha256.update(eextendBlock, 0, 64 + EEXTEND_CHUNK);
    }

    /** Finalizes the hash (EINIT); the measurement takes no more blocks afterwards. */
    public byte[] finish() {
        requireOpen();
        finished = true;
        return sha256.digest();
    }

    /** The value {@link #finish} would give now, leaving the measurement open. */
    public byte[] peek() {
        requireOpen();
        try {
            return ((MessageDigest) sha256.clone()).digest();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 provider cannot clone a running digest", e);
        }
    }

    private void clearHeader() {
        Arrays.fill(block, 0, 64, (byte) 0);
    }

    private void update(int length) {
        requireOpen();
        sha256.update(block, 0, length);
    }

    private void requireOpen() {
        if (finished) {
            throw new IllegalStateException("measurement already finalized by EINIT");
        }
    }
}
