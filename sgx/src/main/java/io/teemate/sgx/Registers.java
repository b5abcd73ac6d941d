package io.teemate.sgx;

import io.teemate.sgx.struct.GprSgx;

/**
 * A logical processor's general-purpose register file, RIP and RFLAGS (the state GPRSGX saves on AEX).
 * Host and enclave code share it, as on hardware: EENTER passes values through and EEXIT scrubs nothing.
 */
public final class Registers {
    private final long[] gprs = new long[16];
    private long rip;
    private long rflags = 0x2; // bit 1 is always set
    private long fsBase;
    private long gsBase;

    public long get(int index) {
        return gprs[index];
    }

    public void set(int index, long value) {
        gprs[index] = value;
    }

    public long rip() {
        return rip;
    }

    public void rip(long value) {
        rip = value;
    }

    public long rflags() {
        return rflags;
    }

    public void rflags(long value) {
        rflags = value;
    }

    public long fsBase() {
        return fsBase;
    }

    public long gsBase() {
        return gsBase;
    }

    void segmentBases(long fs, long gs) {
        fsBase = fs;
        gsBase = gs;
    }

    void clearGprs() {
        java.util.Arrays.fill(gprs, 0L);
    }

    /**
     * GPRSGX as AEX writes it into the SSA frame (SDM Vol.3D "Enclave Access Control and Data Structures", the
     * State Save Area).
     */
    GprSgx toGprSgx(long ursp, long urbp, int exitInfo) {
        return new GprSgx(gprs.clone(), rflags, rip, ursp, urbp, exitInfo, fsBase, gsBase);
    }

    /** ERESUME's restore from GPRSGX (SDM Vol.3D ERESUME). */
    void load(GprSgx saved) {
        System.arraycopy(saved.gprs(), 0, gprs, 0, 16);
        rflags = saved.rflags();
        rip = saved.rip();
        fsBase = saved.fsBase();
        gsBase = saved.gsBase();
    }
}
