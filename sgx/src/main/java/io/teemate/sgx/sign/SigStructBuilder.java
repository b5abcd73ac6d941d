package io.teemate.sgx.sign;

import io.teemate.sgx.struct.Attributes;
import io.teemate.sgx.struct.SigStruct;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.LocalDate;

/**
 * Builds and signs a SIGSTRUCT, as Intel's sgx_sign and gramine-sgx-sign do: fills the signed fields, signs
 * bytes 0..127 ‖ 900..1027 with RSASSA-PKCS1-v1_5/SHA-256, stores modulus and signature little-endian and
 * computes Q1/Q2 (SDM Vol.3D "Enclave Signature Structure (SIGSTRUCT)"; Gramine
 * python/graminelibos/sigstruct.py).
 */
public final class SigStructBuilder {
    /** Every flag but MODE64BIT must match; XFRM must match exactly (the Intel SDK's default mask). */
    public static final Attributes DEFAULT_ATTRIBUTE_MASK = new Attributes(~Attributes.MODE64BIT, ~0L);

    private final byte[] enclaveHash;
    private Attributes attributes = new Attributes(Attributes.MODE64BIT, 0x3);
    private Attributes attributeMask = DEFAULT_ATTRIBUTE_MASK;
    private int miscSelect;
    private int miscMask = ~0;
    private short isvProdId;
    private short isvSvn;
    private int vendor;
    private LocalDate date = LocalDate.now();

    private SigStructBuilder(byte[] enclaveHash) {
        if (enclaveHash.length != 32) {
            throw new IllegalArgumentException("ENCLAVEHASH is 32 bytes, got " + enclaveHash.length);
        }
        this.enclaveHash = enclaveHash.clone();
    }

    /** A SIGSTRUCT for an enclave whose MRENCLAVE is {@code enclaveHash}. */
    public static SigStructBuilder forEnclave(byte[] enclaveHash) {
        return new SigStructBuilder(enclaveHash);
    }

    public SigStructBuilder attributes(Attributes value) {
        this.attributes = value;
        return this;
    }

    public SigStructBuilder attributeMask(Attributes value) {
        this.attributeMask = value;
        return this;
    }

    public SigStructBuilder miscSelect(int value, int mask) {
        this.miscSelect = value;
        this.miscMask = mask;
        return this;
    }

    public SigStructBuilder isvProdId(int value) {
        this.isvProdId = (short) value;
        return this;
    }

    public SigStructBuilder isvSvn(int value) {
        this.isvSvn = (short) value;
        return this;
    }

    /** 0 for any vendor, 0x8086 for Intel (the kernel rejects every other value). */
    public SigStructBuilder vendor(int value) {
        this.vendor = value;
        return this;
    }

    public SigStructBuilder date(LocalDate value) {
        this.date = value;
        return this;
    }

    public SigStruct sign(SigningKey key) {
        BigInteger n = key.publicKey().getModulus();
        SigStruct unsigned = build(
                Rsa3072.toLittleEndian(n), new byte[Rsa3072.BYTES], new byte[Rsa3072.BYTES], new byte[Rsa3072.BYTES]);
        byte[] signatureBe;
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key.privateKey());
            s.update(unsigned.signedBytes());
            signatureBe = s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing SIGSTRUCT failed", e);
        }
        BigInteger sig = new BigInteger(1, signatureBe);
        return build(
                Rsa3072.toLittleEndian(n),
                Rsa3072.toLittleEndian(sig),
                Rsa3072.toLittleEndian(Rsa3072.q1(sig, n)),
                Rsa3072.toLittleEndian(Rsa3072.q2(sig, n)));
    }

    /** MRSIGNER of enclaves this key signs: SHA-256 of the modulus as SIGSTRUCT stores it (little-endian). */
    public static byte[] mrSigner(SigningKey key) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(Rsa3072.toLittleEndian(key.publicKey().getModulus()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private SigStruct build(byte[] modulus, byte[] signature, byte[] q1, byte[] q2) {
        return new SigStruct(
                SigStruct.architecturalHeader(),
                vendor,
                bcdDate(date),
                SigStruct.architecturalHeader2(),
                0,
                modulus,
                3,
                signature,
                miscSelect,
                miscMask,
                attributes,
                attributeMask,
                enclaveHash,
                isvProdId,
                isvSvn,
                q1,
                q2);
    }

    /** DATE as yyyymmdd in BCD, e.g. 0x20261125 (SDM table 37-19). */
    static int bcdDate(LocalDate d) {
        return Integer.parseInt(String.format("%04d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth()), 16);
    }
}
