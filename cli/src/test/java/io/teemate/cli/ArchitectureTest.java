package io.teemate.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.teemate.faas.abi.planted.PlantedSharedClass;
import io.teemate.kv.host.planted.PlantedHostClass;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which side of the enclave boundary code runs on: host-side packages must not use the enclave's implementation
 * packages (docs/architecture.md). The rule held for today's code with a frozen baseline of known violations until
 * the last one was removed; now it is checked plain, so any violation fails the build. cli's test classpath sees
 * every module, so the rule lives here.
 */
class ArchitectureTest {
    /** Untrusted code: it reaches the enclave only through EENTER. */
    static final String[] HOST_SIDE = {
        "io.teemate.host..", "io.teemate.faas.host..", "io.teemate.kv.host..", "io.teemate.cli.."
    };

    /** Trusted implementation: runs inside the enclave. */
    static final String[] ENCLAVE_SIDE = {"io.teemate.enclave..", "io.teemate.faas.enclave..", "io.teemate.kv.enclave.."
    };

    /** What both sides speak: the ABIs, image and attestation formats. It runs on either side, so it uses neither. */
    static final String[] SHARED = {"io.teemate.abi..", "io.teemate.faas.abi..", "io.teemate.kv.abi.."};

    /**
     * The paper's Native model (issue 15): the enclave's container programs run in the JVM with no enclave at all,
     * so these classes link them directly, as bench does; they protect nothing and say so (docs/faas.md). They live
     * in faas.host for the platform internals they share with EnclaveFunctionPlatform (images, the fetch and kv
     * services, error reports); a package of their own is the cleaner home.
     */
    static final String[] NATIVE_MODEL = {
        "io.teemate.faas.host.NativeFunctionPlatform",
        "io.teemate.faas.host.NativeContainer",
        "io.teemate.faas.host.PlainMemory"
    };

    // io.teemate.bench.. is deliberately in neither list: the benchmarks measure internals on both sides.
    static final ArchRule HOST_DOES_NOT_USE_ENCLAVE_INTERNALS = noClasses()
            .that()
            .resideInAnyPackage(HOST_SIDE)
            .and(com.tngtech.archunit.base.DescribedPredicate.not(
                    com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf(nativeModel())))
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(ENCLAVE_SIDE)
            .as("host-side classes (io.teemate.host, faas.host, kv.host, cli; bench is exempt, it measures "
                    + "internals) should not depend on enclave-side classes (io.teemate.enclave, faas.enclave, "
                    + "kv.enclave)")
            .because("host code reaches enclave code only through EENTER; "
                    + "the vocabulary both sides share is in io.teemate.abi (and faas.abi, kv.abi)");

    static final ArchRule SHARED_VOCABULARY_USES_NEITHER_SIDE = noClasses()
            .that()
            .resideInAnyPackage(SHARED)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(concat(HOST_SIDE, ENCLAVE_SIDE))
            .as("the shared vocabulary (io.teemate.abi, faas.abi, kv.abi) should depend on neither side")
            .because("both sides compile against it; anything it used would be on both sides too");

    private static Class<?>[] nativeModel() {
        try {
            Class<?>[] out = new Class<?>[NATIVE_MODEL.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = Class.forName(NATIVE_MODEL[i]);
            }
            return out;
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("a native-model class moved: " + e.getMessage(), e);
        }
    }

    private static String[] concat(String[] a, String[] b) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b))
                .toArray(String[]::new);
    }

    /** Production classes of every module; never the test classes (so never the planted one). */
    private static final class Production {
        static final JavaClasses CLASSES = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.teemate");
    }

    @Test
    void hostCodeDoesNotDependOnEnclaveInternals() {
        assertThat(Production.CLASSES.contain(PlantedHostClass.class)).isFalse();
        HOST_DOES_NOT_USE_ENCLAVE_INTERNALS.check(Production.CLASSES);
    }

    @Test
    void theSharedVocabularyDependsOnNeitherSide() {
        SHARED_VOCABULARY_USES_NEITHER_SIDE.check(Production.CLASSES);
    }

    @Test
    void theSharedVocabularyRuleReportsAPlantedViolation() {
        EvaluationResult result = SHARED_VOCABULARY_USES_NEITHER_SIDE.evaluate(
                new ClassFileImporter().importClasses(PlantedSharedClass.class));
        assertThat(String.join("\n", result.getFailureReport().getDetails()))
                .contains(PlantedSharedClass.class.getName())
                .contains("io.teemate.host.Platform");
    }

    @Test
    void theRuleReportsAPlantedViolation() {
        JavaClasses planted = new ClassFileImporter().importClasses(PlantedHostClass.class);
        EvaluationResult result = HOST_DOES_NOT_USE_ENCLAVE_INTERNALS.evaluate(planted);
        assertThat(result.hasViolation()).isTrue();
        String report = String.join("\n", result.getFailureReport().getDetails());
        assertThat(report).contains(PlantedHostClass.class.getName()).contains("io.teemate.kv.enclave.CommandEngine");
    }
}
