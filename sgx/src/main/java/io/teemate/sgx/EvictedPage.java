package io.teemate.sgx;

import io.teemate.sgx.mmu.Memory;
import io.teemate.sgx.struct.Pcmd;

import java.util.Objects;

/**
 * An enclave page EWB wrote out: what PAGEINFO.SRCPGE, PAGEINFO.PCMD and PAGEINFO.LINADDR point at or hold
 * (SDM Vol.3D EWB "EWB Memory Parameter Semantics": non-EPC memory). It is ordinary untrusted memory, so the
 * host may read, store and change it freely: the contents are AES-GCM ciphertext, the PCMD holds the page's
 * SECINFO and enclave id in clear plus the MAC, and ELDB/ELDU refuse anything that was changed.
 * <p>
 * The arrays returned by {@link #contents()} and {@link #pcmd()} are this buffer itself, not copies.
 */
public final class EvictedPage {
    private final byte[] contents;
    private final byte[] pcmd;
    private long linearAddress;

    /** An empty buffer for EWB to fill. */
    public EvictedPage() {
        this(new byte[Memory.PAGE_SIZE], new byte[Pcmd.SIZE], 0);
    }

    /** A buffer holding what a backing store kept: the arrays are copied. */
    public EvictedPage(byte[] contents, byte[] pcmd, long linearAddress) {
        Objects.requireNonNull(contents, "contents");
        Objects.requireNonNull(pcmd, "pcmd");
        if (contents.length != Memory.PAGE_SIZE || pcmd.length != Pcmd.SIZE) {
            throw new IllegalArgumentException("an evicted page is 4096 bytes of contents and a 128-byte PCMD, got "
                    + contents.length + " and " + pcmd.length);
        }
        this.contents = contents.clone();
        this.pcmd = pcmd.clone();
        this.linearAddress = linearAddress;
    }

    /** The 4096-byte encrypted page (SRCPGE); the live buffer. */
    public byte[] contents() {
        return contents;
    }

    /** The 128-byte PCMD in {@link Pcmd} layout; the live buffer. */
    public byte[] pcmd() {
        return pcmd;
    }

    /** The PCMD decoded (SECINFO, ENCLAVEID and MAC are all visible to the host). */
    public Pcmd decodedPcmd() {
        return Pcmd.fromBytes(pcmd);
    }

    /** PAGEINFO.LINADDR: the enclave linear address EWB reported for the page (0 for a SECS or VA page). */
    public long linearAddress() {
        return linearAddress;
    }

    public void linearAddress(long value) {
        this.linearAddress = value;
    }

    /** An independent copy (e.g. to keep an old version around). */
    public EvictedPage copy() {
        return new EvictedPage(contents, pcmd, linearAddress);
    }

    /** EWB's output lands here. */
    void fill(byte[] ciphertext, byte[] pcmdBytes, long linAddr) {
        System.arraycopy(ciphertext, 0, contents, 0, Memory.PAGE_SIZE);
        System.arraycopy(pcmdBytes, 0, pcmd, 0, Pcmd.SIZE);
        this.linearAddress = linAddr;
    }

    @Override
    public String toString() {
        return String.format("EvictedPage[linearAddress=0x%x]", linearAddress);
    }
}
