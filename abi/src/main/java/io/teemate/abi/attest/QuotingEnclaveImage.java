package io.teemate.abi.attest;

import io.teemate.sgx.loader.EnclaveLayout;
import io.teemate.sgx.program.CodeImage;
import io.teemate.sgx.sign.SigStructBuilder;
import io.teemate.sgx.sign.SigningKey;
import io.teemate.sgx.struct.Attributes;
import io.teemate.sgx.struct.SigStruct;
import io.teemate.sgx.struct.TargetInfo;

import java.time.LocalDate;

/**
 * How the quoting enclave (QE) is laid out, signed and identified: what its loader and its signer need (the host's
 * quoting service, test rigs) and what a verifier expects of its identity ({@code QeIdentity}). None of it runs in
 * the QE: the loader chooses pages, TCSs and heap around the QE's code image, and the signer writes its SIGSTRUCT.
 * The code image itself is the QE program's ({@code io.teemate.enclave.attest.QuotingEnclave}); this class only
 * takes it.
 */
public final class QuotingEnclaveImage {
    private QuotingEnclaveImage() {}

    /** TCSs (threads) of the QE: the quoting service gives each its own untrusted buffers. */
    public static final int THREADS = 2;

    public static final int NSSA = 2;
    public static final int SSA_FRAME_SIZE = 1;
    public static final int HEAP_PAGES = 0;
    /** The QE's ISVPRODID in its SIGSTRUCT (and so in its QE report). */
    public static final int ISVPRODID = 1;
    /** The QE's ISVSVN in its SIGSTRUCT: its QE report's ISVSVN and the quote header's qe_svn and pce_svn. */
    public static final int ISVSVN = 1;

    private static final LocalDate SIGNING_DATE = LocalDate.of(2026, 1, 1);

    /** The QE's enclave layout around its code image: {@link #THREADS} threads, no heap. */
    public static EnclaveLayout layout(CodeImage code) {
        return EnclaveLayout.forProgram(code, THREADS, NSSA, SSA_FRAME_SIZE, HEAP_PAGES);
    }

    /** ATTRIBUTES the QE is launched with: 64-bit, PROVISIONKEY (for its PCK key), x87 + SSE; DEBUG if asked. */
    public static Attributes attributes(boolean debug) {
        return new Attributes(Attributes.MODE64BIT | Attributes.PROVISIONKEY | (debug ? Attributes.DEBUG : 0), 0x3);
    }

    /** A production (non-DEBUG) SIGSTRUCT for the QE, ISVPRODID {@link #ISVPRODID}, ISVSVN {@link #ISVSVN}. */
    public static SigStruct sigStruct(EnclaveLayout layout, SigningKey key) {
        return sigStruct(layout, key, false);
    }

    public static SigStruct sigStruct(EnclaveLayout layout, SigningKey key, boolean debug) {
        return SigStructBuilder.forEnclave(layout.mrEnclave())
                .attributes(attributes(debug))
                .isvProdId(ISVPRODID)
                .isvSvn(ISVSVN)
                .date(SIGNING_DATE)
                .sign(key);
    }

    /**
     * The TARGETINFO an application enclave passes to EREPORT to make a report for the enclave {@code sigStruct}
     * signs (the QE): its MRENCLAVE, its ATTRIBUTES after EINIT (the SIGSTRUCT's, plus INIT) and MISCSELECT, for an
     * enclave created from {@code sigStruct}'s attributes as {@code BareMetalLoader} does.
     * {@link QuotingEnclaveAbi#ECALL_TARGET_INFO} returns the same from the running QE.
     */
    public static TargetInfo targetInfo(SigStruct sigStruct) {
        return new TargetInfo(
                sigStruct.enclaveHash(), sigStruct.attributes().with(Attributes.INIT), sigStruct.miscSelect());
    }
}
