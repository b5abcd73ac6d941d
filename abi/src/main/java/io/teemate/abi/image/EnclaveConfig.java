package io.teemate.abi.image;

import io.teemate.sgx.mmu.Memory;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What the trusted runtime learns about its own enclave, from measured read-only pages right after its code
 * (at {@link EnclaveImageLayout#configOffset(int)}): the heap region and the whole enclave manifest (apps,
 * trusted files with hashes, ...). Because these pages are EADDed and EEXTENDed like the code, the host cannot
 * change them without changing MRENCLAVE (the way Gramine measures its manifest into the enclave).
 * <p>Encoding (little-endian): "TMCONF01" | u32 total length (header + manifest, without padding) | u32 0 |
 * u64 heap offset | u64 heap committed pages | u64 heap max pages | u32 manifest length | the manifest's
 * {@link EnclaveManifest#canonicalBytes()}; zero-padded to whole pages in the enclave.
 */
public record EnclaveConfig(HeapRegion heap, EnclaveManifest manifest) {
    public static final int HEADER_SIZE = 44;
    /** Bytes at the start that tell the total length: read these first, then the rest. */
    public static final int PREFIX_SIZE = 12;

    private static final byte[] MAGIC = "TMCONF01".getBytes(StandardCharsets.US_ASCII);

    public byte[] toBytes() {
        byte[] m = manifest.canonicalBytes();
        return new Canonical.Writer()
                .bytes(MAGIC)
                .u32(HEADER_SIZE + m.length)
                .u32(0)
                .u64(heap.offset())
                .u64(heap.committedPages())
                .u64(heap.maxPages())
                .u32(m.length)
                .bytes(m)
                .toBytes();
    }

    /** The encoding padded with zeros to whole pages, as it is added to the enclave. */
    public byte[] toPages() {
        byte[] b = toBytes();
        return Arrays.copyOf(b, (b.length + Memory.PAGE_SIZE - 1) / Memory.PAGE_SIZE * Memory.PAGE_SIZE);
    }

    /** The total length that the first {@link #PREFIX_SIZE} bytes announce. */
    public static int length(byte[] prefix) {
        Canonical.Reader r = new Canonical.Reader(Arrays.copyOf(prefix, PREFIX_SIZE), "the enclave config");
        r.magic(MAGIC);
        long n = r.u32();
        if (n < HEADER_SIZE || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the enclave config announces " + n + " bytes");
        }
        return (int) n;
    }

    /** Decodes exactly the {@link #length} bytes of {@link #toBytes()} (no padding). */
    public static EnclaveConfig fromBytes(byte[] bytes) {
        Canonical.Reader r = new Canonical.Reader(bytes, "the enclave config");
        r.magic(MAGIC);
        if (r.u32() != bytes.length || r.u32() != 0) {
            throw new IllegalArgumentException(
                    "the enclave config's length field does not match its " + bytes.length + " bytes");
        }
        HeapRegion heap = new HeapRegion(r.u64(), r.u64(), r.u64());
        byte[] manifest = r.bytes(r.count(1));
        r.end();
        return new EnclaveConfig(heap, EnclaveManifest.fromCanonicalBytes(manifest));
    }
}
