package io.teemate.host.container;

import io.teemate.enclave.apps.AppCatalog;
import io.teemate.abi.image.EnclaveImageLayout;
import io.teemate.abi.image.EnclaveManifest;
import io.teemate.enclave.runtime.TrustedRuntime;
import io.teemate.sgx.loader.EnclaveLayout;
import io.teemate.sgx.program.CodeImage;
import io.teemate.sgx.sign.SigStructBuilder;
import io.teemate.sgx.sign.SigningKey;
import io.teemate.sgx.struct.SigStruct;

import java.nio.file.Path;

/**
 * An enclave image ready to load: its manifest, the trusted runtime with the manifest's apps compiled in, the page
 * layout (code, measured configuration, threads, heap) and the owner's SIGSTRUCT over its MRENCLAVE.
 */
public record EnclaveImage(Path manifestFile, EnclaveManifest manifest, TrustedRuntime runtime,
                           EnclaveImageLayout layout, SigStruct sigStruct) {
    /** Reads, lays out and signs the enclave image at {@code manifestFile}. */
    public static EnclaveImage load(Path manifestFile, SigningKey owner, AppCatalog apps) {
        EnclaveManifest m = EnclaveManifest.load(manifestFile);
        m.verifyTrustedFiles(manifestFile);
        return of(manifestFile, m, owner, apps);
    }

    /** Lays out and signs {@code m}; its runtime and apps must be known to {@code apps}. */
    public static EnclaveImage of(Path manifestFile, EnclaveManifest m, SigningKey owner, AppCatalog apps) {
        TrustedRuntime runtime = apps.runtimeFor(m);
        EnclaveImageLayout layout = EnclaveImageLayout.build(m, CodeImage.of(runtime));
        SigStruct sig = SigStructBuilder.forEnclave(layout.mrEnclave())
                .attributes(EnclaveLayout.defaultAttributes(m.debug()))
                .isvProdId(m.isvProdId()).isvSvn(m.isvSvn())
                .sign(owner);
        return new EnclaveImage(manifestFile, m, runtime, layout, sig);
    }

    public byte[] mrEnclave() {
        return sigStruct.enclaveHash();
    }

    public String name() {
        return manifest.name();
    }
}
