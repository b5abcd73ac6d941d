package io.teemate.enclave;

import io.teemate.abi.HelloAbi;
import io.teemate.abi.RuntimeAbi;
import io.teemate.abi.attest.QuotingEnclaveAbi;
import io.teemate.abi.image.EnclaveBinary;
import io.teemate.enclave.apps.WordCount;
import io.teemate.enclave.attest.QuotingEnclave;
import io.teemate.enclave.hello.HelloEnclave;
import io.teemate.enclave.runtime.TrustedRuntime;

import java.util.List;

/**
 * The enclave binaries this module ships (a {@link java.util.ServiceLoader} service): the trusted runtime, the
 * built-in container program, the demo's enclave and the quoting enclave. Toolchain metadata, not enclave code: it names classes and
 * is in no image.
 */
public final class TeeMateBinaries implements EnclaveBinary.Library {
    @Override
    public List<EnclaveBinary> binaries() {
        return List.of(
                new EnclaveBinary(RuntimeAbi.RUNTIME_NAME, EnclaveBinary.Kind.RUNTIME, TrustedRuntime.runtimeClasses()),
                new WordCount().binary(),
                new EnclaveBinary(HelloAbi.NAME, EnclaveBinary.Kind.PROGRAM, new HelloEnclave().codeClasses()),
                new EnclaveBinary(
                        QuotingEnclaveAbi.NAME, EnclaveBinary.Kind.PROGRAM, new QuotingEnclave().codeClasses()));
    }
}
