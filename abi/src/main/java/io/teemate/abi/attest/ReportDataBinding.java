package io.teemate.abi.attest;

import io.teemate.sgx.program.EnclaveContext;
import io.teemate.sgx.struct.Report;
import io.teemate.sgx.struct.ReportBody;
import io.teemate.sgx.struct.TargetInfo;

import java.util.Arrays;
import java.util.Objects;

/**
 * What an attesting container puts in its REPORTDATA (64 bytes, sgx_report_data_t): bytes [0, 32) are the
 * container's identity (a 32-byte digest the trusted runtime computes, e.g. over the container's manifest), bytes
 * [32, 64) are SHA-256 of the verifier's nonce. The identity stays readable so a verifier can say whether the
 * quote names the wrong container or answers another challenge (a replay); the nonce is hashed so any length fits.
 * EREPORT copies REPORTDATA into the MACed report body and the quote signs it (SDM Vol.3D EREPORT).
 * <p>The attesting enclave writes it and the verifier reads it back out of the quote: a format both sides share.
 * {@link #ereport} is the attesting side's helper (it runs inside an enclave, on the machine's ENCLU interface
 * only); it stays with the format because the trusted runtime's code image lists this class.
 */
public final class ReportDataBinding {
    public static final int CONTAINER_IDENTITY_LENGTH = 32;
    public static final int OFFSET_CONTAINER_IDENTITY = 0;
    public static final int OFFSET_NONCE_DIGEST = 32;
    /** Bytes of enclave memory {@link #ereport} needs at its scratch address: TARGETINFO, REPORTDATA, REPORT. */
    public static final int SCRATCH_SIZE = 1024 + Report.SIZE;

    private ReportDataBinding() {}

    /** REPORTDATA = containerIdentity (32) || SHA-256(nonce) (32). */
    public static byte[] reportData(byte[] containerIdentity, byte[] nonce) {
        Objects.requireNonNull(containerIdentity, "container identity");
        Objects.requireNonNull(nonce, "nonce");
        if (containerIdentity.length != CONTAINER_IDENTITY_LENGTH) {
            throw new IllegalArgumentException(
                    "a container identity is a 32-byte digest, got " + containerIdentity.length + " bytes");
        }
        byte[] out = new byte[ReportBody.REPORTDATA_LENGTH];
        System.arraycopy(containerIdentity, 0, out, OFFSET_CONTAINER_IDENTITY, CONTAINER_IDENTITY_LENGTH);
        System.arraycopy(nonceDigest(nonce), 0, out, OFFSET_NONCE_DIGEST, 32);
        return out;
    }

    /** The container identity half of a REPORTDATA. */
    public static byte[] containerIdentity(byte[] reportData) {
        return Arrays.copyOfRange(
                reportData, OFFSET_CONTAINER_IDENTITY, OFFSET_CONTAINER_IDENTITY + CONTAINER_IDENTITY_LENGTH);
    }

    /** The nonce half of a REPORTDATA: SHA-256 of the nonce. */
    public static byte[] nonceDigest(byte[] nonce) {
        return EcdsaP256.sha256(nonce);
    }

    /**
     * Runs inside the attesting enclave: EREPORT targeted at {@code target} (the quoting enclave's TARGETINFO) with
     * REPORTDATA binding {@code containerIdentity} and {@code nonce}. {@code scratch} is 512-byte aligned enclave
     * memory of at least {@link #SCRATCH_SIZE} bytes (EREPORT's operands must lie inside ELRANGE); the REPORT is
     * returned and left at {@code scratch + 1024}.
     */
    public static Report ereport(
            EnclaveContext ctx, long scratch, TargetInfo target, byte[] containerIdentity, byte[] nonce) {
        if ((scratch & 511) != 0) {
            throw new IllegalArgumentException(String.format("scratch 0x%x is not 512-byte aligned", scratch));
        }
        ctx.write(scratch, target.toBytes());
        ctx.write(scratch + 512, reportData(containerIdentity, nonce));
        ctx.ereport(scratch, scratch + 512, scratch + 1024);
        return Report.fromBytes(ctx.read(scratch + 1024, Report.SIZE));
    }
}
