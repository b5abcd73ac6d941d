package io.teemate.sgx.program;

import io.teemate.sgx.LogicalProcessor;
import io.teemate.sgx.Registers;
import io.teemate.sgx.SgxStatus;

/**
 * What enclave code has while it runs: the processor it runs on, in enclave mode. Every access goes through
 * the processor's checks; a fault becomes an AEX that the host handles before the access is retried.
 */
public final class EnclaveContext {
    private final LogicalProcessor lp;
    private final long enclaveBase;
    private final long enclaveSize;
    private final long tcs;
    private final int cssa;
    private final EnclavePrivate enclavePrivate;

    public EnclaveContext(
            LogicalProcessor lp, long enclaveBase, long enclaveSize, long tcs, EnclavePrivate enclavePrivate) {
        this.lp = lp;
        this.enclaveBase = enclaveBase;
        this.enclaveSize = enclaveSize;
        this.tcs = tcs;
        this.cssa = (int) lp.registers().get(0);
        this.enclavePrivate = enclavePrivate;
    }

    /** The Java objects this enclave instance keeps between entries (see {@link EnclavePrivate}). */
    public EnclavePrivate enclavePrivate() {
        return enclavePrivate;
    }

    /** The enclave's base address (code finds it RIP-relative on hardware). */
    public long enclaveBase() {
        return enclaveBase;
    }

    /** ELRANGE's size (SECS.SIZE; code knows it from its own measured layout on hardware). */
    public long enclaveSize() {
        return enclaveSize;
    }

    /** True if [address, address + length) overlaps ELRANGE: a buffer the host passes there is not untrusted memory. */
    public boolean overlapsEnclave(long address, long length) {
        if (length < 0 || address + length < address) {
            return true;
        }
        return address < enclaveBase + enclaveSize && enclaveBase < address + Math.max(length, 1);
    }

    /**
     * True if {@code t}, caught by enclave code, must go on up: the emulator unwinding a thread the host gave up on,
     * or a failure raised while this thread is outside enclave mode (the host's own ocall handler failed). Enclave
     * code that turns every Throwable into an error status lets these pass.
     */
    public boolean mustPropagate(Throwable t) {
        return io.teemate.sgx.EnclaveFaultException.unwindsAbandonedThread(t) || !lp.inEnclaveMode();
    }

    /** The TCS this thread entered through (RBX at EENTER). */
    public long tcs() {
        return tcs;
    }

    /** CSSA at entry (RAX at EENTER): 0 for an ordinary call, above 0 when entered to handle an exception. */
    public int cssa() {
        return cssa;
    }

    /** This thread's FS base: BASE + TCS.OFSBASE, set by EENTER (thread-local data of the running thread). */
    public long threadLocalBase() {
        return lp.registers().fsBase();
    }

    public Registers registers() {
        return lp.registers();
    }

    /** The logical processor this thread runs on (for its id and counters). */
    public LogicalProcessor processor() {
        return lp;
    }

    public byte readByte(long la) {
        return lp.readByte(la);
    }

    public void writeByte(long la, byte value) {
        lp.writeByte(la, value);
    }

    public int readInt(long la) {
        return lp.readInt(la);
    }

    public void writeInt(long la, int value) {
        lp.writeInt(la, value);
    }

    public long readLong(long la) {
        return lp.readLong(la);
    }

    public void writeLong(long la, long value) {
        lp.writeLong(la, value);
    }

    public byte[] read(long la, int length) {
        return lp.read(la, length);
    }

    public void read(long la, byte[] dst, int offset, int length) {
        lp.read(la, dst, offset, length);
    }

    public void write(long la, byte[] src, int offset, int length) {
        lp.write(la, src, offset, length);
    }

    public void write(long la, byte[] src) {
        lp.write(la, src, 0, src.length);
    }

    /** ENCLU[EREPORT]. */
    public void ereport(long targetInfo, long reportData, long output) {
        lp.ereport(targetInfo, reportData, output);
    }

    /** ENCLU[EGETKEY]. */
    public SgxStatus egetkey(long keyRequest, long output) {
        return lp.egetkey(keyRequest, output);
    }

    /** ENCLU[EACCEPT]: accept an EAUG, EMODPR or EMODT of the page at {@code page} (SECINFO at {@code secInfo}). */
    public SgxStatus eaccept(long secInfo, long page) {
        return lp.eaccept(secInfo, page);
    }

    /** ENCLU[EACCEPTCOPY]: fill the PENDING page {@code destination} from {@code source} and accept it. */
    public SgxStatus eacceptcopy(long secInfo, long destination, long source) {
        return lp.eacceptcopy(secInfo, destination, source);
    }

    /** ENCLU[EMODPE]: extend the EPCM permissions of the page at {@code page}. */
    public void emodpe(long secInfo, long page) {
        lp.emodpe(secInfo, page);
    }

    /** An ocall: EEXIT to the host's handler and EENTER back through the same TCS. */
    public void ocall() {
        lp.ocall();
    }

    /** An interrupt window: a pending interrupt causes an AEX here. */
    public void poll() {
        lp.poll();
    }
}
