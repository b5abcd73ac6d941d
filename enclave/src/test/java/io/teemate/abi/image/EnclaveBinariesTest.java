package io.teemate.abi.image;

import io.teemate.abi.HelloAbi;
import io.teemate.abi.RuntimeAbi;
import io.teemate.enclave.apps.WordCount;
import io.teemate.enclave.hello.HelloEnclave;
import io.teemate.enclave.runtime.TrustedRuntime;
import io.teemate.sgx.program.CodeImage;
import io.teemate.sgx.program.ProgramRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The linker: names in a manifest to a code image, and the machine decoding that image back to the program. */
class EnclaveBinariesTest {
    private final EnclaveBinaries binaries = EnclaveBinaries.installed();

    private static EnclaveManifest manifest(String runtime, String... apps) {
        return new EnclaveManifest(
                "t", 1L << 24, 2, 1, 1, runtime, List.of(apps), 1 << 20, false, 1 << 20, List.of(), 1, 1, false);
    }

    @Test
    void theModuleShipsTheRuntimeItsAppAndTheDemoEnclave() {
        assertThat(binaries.names(EnclaveBinary.Kind.RUNTIME)).contains(RuntimeAbi.RUNTIME_NAME);
        assertThat(binaries.names(EnclaveBinary.Kind.APP)).contains("wordcount");
        assertThat(binaries.names(EnclaveBinary.Kind.PROGRAM)).contains(HelloAbi.NAME);
    }

    @Test
    void aLinkedImageIsByteForByteTheProgramItNames() {
        CodeImage linked = binaries.resolve(manifest(RuntimeAbi.RUNTIME_NAME, "wordcount"));
        assertThat(linked.bytes())
                .isEqualTo(CodeImage.of(new TrustedRuntime(List.of(new WordCount())))
                        .bytes());
        assertThat(binaries.program(HelloAbi.NAME).bytes())
                .isEqualTo(CodeImage.of(new HelloEnclave()).bytes());
    }

    @Test
    void theMachineDecodesALinkedImageIntoThatProgramWithNobodyRegisteringIt() {
        CodeImage linked = binaries.resolve(manifest(RuntimeAbi.RUNTIME_NAME, "wordcount"));
        var program = new ProgramRegistry().lookup(linked.bytes());
        assertThat(program).isInstanceOf(TrustedRuntime.class);
        assertThat(((TrustedRuntime) program).appNames()).containsExactly("wordcount");
    }

    @Test
    void anImageWhoseAppIsNoContainerAppDecodesToNothing() {
        // a runtime image with a class after it that is not an app: the runtime refuses it, the processor runs nothing
        List<Class<?>> classes = new java.util.ArrayList<>(TrustedRuntime.runtimeClasses());
        classes.add(HelloEnclave.class);
        assertThat(new ProgramRegistry()
                        .lookup(CodeImage.of(classes, "stowaway").bytes()))
                .isNull();
    }

    @Test
    void unknownNamesAreManifestErrorsListingWhatIsKnown() {
        assertThatThrownBy(() -> binaries.resolve(manifest("gramine", "wordcount")))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("runtime")
                .hasMessageContaining("unknown runtime \"gramine\"")
                .hasMessageContaining(RuntimeAbi.RUNTIME_NAME);
        assertThatThrownBy(() -> binaries.resolve(manifest(RuntimeAbi.RUNTIME_NAME, "redis")))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("apps")
                .hasMessageContaining("unknown app redis")
                .hasMessageContaining("wordcount");
        assertThatThrownBy(() -> binaries.resolve(manifest(RuntimeAbi.RUNTIME_NAME, "wordcount", "wordcount")))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("listed twice");
        assertThatThrownBy(() -> binaries.resolve(manifest(HelloAbi.NAME, "wordcount")))
                .as("a stand-alone program is no runtime")
                .isInstanceOf(ManifestException.class);
        assertThatThrownBy(() -> binaries.program("wordcount"))
                .hasMessageContaining("no enclave program named wordcount");
    }
}
