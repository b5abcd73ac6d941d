package io.teemate.host.container;

import io.teemate.abi.image.EnclaveBinary;
import io.teemate.enclave.runtime.ContainerApp;

import java.util.List;
import java.util.stream.Stream;

/** The test apps as enclave binaries (a ServiceLoader service of the test class path), so manifests can name them. */
public final class TestBinaries implements EnclaveBinary.Library {
    @Override
    public List<EnclaveBinary> binaries() {
        return Stream.<ContainerApp>of(
                        new TestApps.Crasher(),
                        new TestApps.Cat(),
                        new TestApps.Hog(),
                        new TestApps.Secret(),
                        new TestApps.Peeker(),
                        new TestApps.Upper(),
                        new TestApps.Forker(),
                        new TestApps.Spinner(),
                        new TestApps.Thrower(),
                        new TestApps.Spacer(),
                        new TestApps.Caller(),
                        new ContainerFailureStatusTest.Failer(),
                        new ContainerFailureStatusTest.StdinHog())
                .map(ContainerApp::binary)
                .toList();
    }
}
