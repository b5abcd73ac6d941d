package io.teemate.host.container;

import io.teemate.abi.image.EnclaveBinaries;
import io.teemate.abi.image.EnclaveImageLayout;
import io.teemate.abi.image.EnclaveManifest;
import io.teemate.sgx.loader.EnclaveLayout;
import io.teemate.sgx.sign.SigStructBuilder;
import io.teemate.sgx.sign.SigningKey;
import io.teemate.sgx.struct.SigStruct;

import java.nio.file.Path;

/**
 * An enclave image ready to load: its manifest, the page layout (the code image the toolchain linked from the
 * manifest's runtime and apps, measured configuration, threads, heap) and the owner's SIGSTRUCT over its
 * MRENCLAVE. It holds bytes only: which program runs is decided by the code image at EENTER.
 */
public record EnclaveImage(
        Path manifestFile, EnclaveManifest manifest, EnclaveImageLayout layout, SigStruct sigStruct) {
    /** Reads, lays out and signs the enclave image at {@code manifestFile}. */
    public static EnclaveImage load(Path manifestFile, SigningKey owner) {
        EnclaveManifest m = EnclaveManifest.load(manifestFile);
        m.verifyTrustedFiles(manifestFile);
        return of(manifestFile, m, owner);
    }

    /** Lays out and signs {@code m}; its runtime and apps must be installed enclave binaries. */
    public static EnclaveImage of(Path manifestFile, EnclaveManifest m, SigningKey owner) {
        EnclaveImageLayout layout =
                EnclaveImageLayout.build(m, EnclaveBinaries.installed().resolve(m));
        SigStruct sig = SigStructBuilder.forEnclave(layout.mrEnclave())
                .attributes(EnclaveLayout.defaultAttributes(m.debug()))
                .isvProdId(m.isvProdId())
                .isvSvn(m.isvSvn())
                .sign(owner);
        return new EnclaveImage(manifestFile, m, layout, sig);
    }

    public byte[] mrEnclave() {
        return sigStruct.enclaveHash();
    }

    public String name() {
        return manifest.name();
    }
}
