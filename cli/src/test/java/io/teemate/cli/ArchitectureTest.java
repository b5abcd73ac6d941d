package io.teemate.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import com.tngtech.archunit.library.freeze.TextFileBasedViolationStore;
import com.tngtech.archunit.library.freeze.ViolationStore;
import io.teemate.kv.host.planted.PlantedHostClass;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Properties;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which side of the enclave boundary code runs on: host-side packages must not use the enclave's implementation
 * packages. Today's violations are frozen in {@code src/test/resources/archunit_store} (see
 * {@code archunit.properties} and docs/architecture.md); the frozen rule fails on any new one. cli's test
 * classpath sees every module, so the rule lives here.
 */
class ArchitectureTest {
    /** Untrusted code: it reaches the enclave only through EENTER. */
    static final String[] HOST_SIDE = {
        "io.teemate.host..", "io.teemate.faas.host..", "io.teemate.kv.host..", "io.teemate.cli.."};

    /** Trusted implementation: runs inside the enclave. */
    static final String[] ENCLAVE_SIDE = {
        "io.teemate.enclave.runtime..", "io.teemate.enclave.memory..", "io.teemate.enclave.apps..",
        "io.teemate.enclave.hello..", "io.teemate.enclave.attest..",
        "io.teemate.faas.enclave..", "io.teemate.kv.enclave.."};

    // io.teemate.bench.. is deliberately in neither list: the benchmarks measure internals on both sides.
    // The description is the key of the frozen store (stored.rules): changing it orphans the baseline.
    static final ArchRule HOST_DOES_NOT_USE_ENCLAVE_INTERNALS = noClasses()
            .that().resideInAnyPackage(HOST_SIDE)
            .should().dependOnClassesThat().resideInAnyPackage(ENCLAVE_SIDE)
            .as("host-side classes (io.teemate.host, faas.host, kv.host, cli; bench is exempt, it measures "
                    + "internals) should not depend on enclave-side implementation classes (enclave.runtime, "
                    + "memory, apps, hello, attest; faas.enclave; kv.enclave)")
            .because("host code reaches enclave code only through EENTER; "
                    + "the vocabulary both sides share will move to an abi module");

    /** Production classes of every module; never the test classes (so never the planted one). */
    private static final class Production {
        static final JavaClasses CLASSES = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.teemate");
    }

    @Test
    void hostCodeAddsNoNewDependencyOnEnclaveInternals() {
        FreezingArchRule.freeze(HOST_DOES_NOT_USE_ENCLAVE_INTERNALS).check(Production.CLASSES);
    }

    @Test
    void todaysProductionCodeViolatesTheUnfrozenRule() {
        // The redesign is not done: if this fails, the baseline is empty by accident or the work is finished
        // (then drop the freeze and this test).
        assertThat(Production.CLASSES.contain(PlantedHostClass.class)).isFalse();
        EvaluationResult result = HOST_DOES_NOT_USE_ENCLAVE_INTERNALS.evaluate(Production.CLASSES);
        assertThat(result.hasViolation()).isTrue();
    }

    @Test
    void theRuleReportsAPlantedViolation() {
        JavaClasses planted = new ClassFileImporter().importClasses(PlantedHostClass.class);
        EvaluationResult result = HOST_DOES_NOT_USE_ENCLAVE_INTERNALS.evaluate(planted);
        assertThat(result.hasViolation()).isTrue();
        String report = String.join("\n", result.getFailureReport().getDetails());
        assertThat(report)
                .contains(PlantedHostClass.class.getName())
                .contains("io.teemate.kv.enclave.CommandEngine");
    }

    @Test
    void theFrozenRuleFailsOnAViolationNotInTheBaseline() {
        // The committed baseline, read-only: evaluating over the planted class alone must not prune the store.
        ViolationStore baseline = readOnly(committedStore());
        assertThat(baseline.contains(HOST_DOES_NOT_USE_ENCLAVE_INTERNALS)).isTrue();
        assertThat(baseline.getViolations(HOST_DOES_NOT_USE_ENCLAVE_INTERNALS)).isNotEmpty();

        JavaClasses planted = new ClassFileImporter().importClasses(PlantedHostClass.class);
        EvaluationResult result = FreezingArchRule.freeze(HOST_DOES_NOT_USE_ENCLAVE_INTERNALS)
                .persistIn(baseline)
                .evaluate(planted);
        assertThat(result.hasViolation()).isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails()))
                .contains(PlantedHostClass.class.getName())
                .contains("io.teemate.kv.enclave.CommandEngine");
    }

    private static ViolationStore committedStore() {
        Properties properties = new Properties();
        properties.setProperty("default.path", "src/test/resources/archunit_store");
        properties.setProperty("default.allowStoreCreation", "false");
        TextFileBasedViolationStore store = new TextFileBasedViolationStore();
        store.initialize(properties);
        return store;
    }

    private static ViolationStore readOnly(ViolationStore store) {
        return new ViolationStore() {
            @Override
            public void initialize(Properties properties) {
            }

            @Override
            public boolean contains(ArchRule rule) {
                return store.contains(rule);
            }

            @Override
            public void save(ArchRule rule, List<String> violations) {
            }

            @Override
            public List<String> getViolations(ArchRule rule) {
                return store.getViolations(rule);
            }
        };
    }
}
