package io.teemate.host.container;

import io.teemate.abi.RuntimeAbi;
import io.teemate.abi.Wire;
import io.teemate.host.controller.TeeMateController;
import io.teemate.host.driver.SgxDriver;
import io.teemate.host.kernel.Kernel;
import io.teemate.sgx.Machine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Containers in both modes: same results, one shared enclave, crashes contained, EPC accounting. */
class ContainerManagerTest {
    @TempDir
    Path dir;

    private final Machine machine =
            Machine.builder().epcMiB(64).logicalProcessors(2).seed(3).build();
    private final Kernel kernel = new Kernel(machine);
    private final SgxDriver driver = new SgxDriver(kernel);
    private final ContainerManager manager =
            new ContainerManager(kernel, driver, new TeeMateController(driver), Duration.ofSeconds(10), Duration.ZERO);
    private final List<Container> started = new ArrayList<>();

    @AfterEach
    void tearDown() {
        started.forEach(manager::stop);
        manager.close();
    }

    private ImageFixture images() {
        return new ImageFixture(dir);
    }

    private ContainerImage wordcount(ImageFixture f, Path enclave, String name) {
        return f.container(
                enclave,
                name,
                "wordcount",
                List.of("a.txt", "b.txt"),
                Map.of("a.txt", "one two three\nfour\n", "b.txt", "five six\n"));
    }

    private Container start(ContainerImage image, Mode mode) {
        Container c = manager.start(image, mode);
        started.add(c);
        return c;
    }

    @Test
    void theSameImageGivesTheSameResultInBothModes() {
        ImageFixture f = images();
        ContainerImage image = wordcount(f, f.enclave("rt", "256K", false, 4, "wordcount", "crasher", "cat"), "wc");
        Container.Outcome conventional = manager.run(start(image, Mode.CONVENTIONAL));
        Container.Outcome shared = manager.run(start(image, Mode.SHARED));
        assertThat(conventional.error()).isNull();
        assertThat(conventional.stdoutText())
                .isEqualTo(
                        "      2       4      19 a.txt\n      1       2       9 b.txt\n      3       6      28 total\n");
        assertThat(shared.stdoutText()).isEqualTo(conventional.stdoutText());
        assertThat(shared.exitCode()).isZero();
    }

    @Test
    void tenSharedContainersUseTheSharedPagesOnce() {
        ImageFixture f = images();
        ContainerImage image = wordcount(f, f.enclave("rt", "256K", false, 10, "wordcount"), "wc");
        Container first = start(image, Mode.SHARED);
        long oneEnclave = manager.totalEnclavePages();
        for (int i = 1; i < 10; i++) {
            start(image, Mode.SHARED);
        }
        assertThat(driver.stats().enclaves()).hasSize(1);
        assertThat(manager.totalEnclavePages())
                .as("ten containers, the enclave's pages once")
                .isEqualTo(oneEnclave);
        EpcUsage usage = manager.epcUsage(first);
        assertThat(usage.sharers()).isEqualTo(10);
        assertThat(usage.proportionalPages()).isCloseTo(oneEnclave / 10.0, org.assertj.core.data.Offset.offset(1.0));
        for (Container c : started) {
            assertThat(manager.run(c).error()).isNull();
        }
    }

    @Test
    void conventionalContainersEachPayForAWholeEnclave() {
        ImageFixture f = images();
        ContainerImage image = wordcount(f, f.enclave("rt", "256K", false, 2, "wordcount"), "wc");
        Container a = start(image, Mode.CONVENTIONAL);
        Container b = start(image, Mode.CONVENTIONAL);
        assertThat(driver.stats().enclaves()).hasSize(2);
        assertThat(manager.epcUsage(a).sharedPages()).isZero();
        assertThat(manager.totalEnclavePages())
                .isEqualTo(
                        manager.epcUsage(a).privatePages() + manager.epcUsage(b).privatePages());
        assertThat(a.phases().modeledNanos(Phase.ENCLAVE)).isPositive();
    }

    @Test
    void aContainerThatCrashesIsCleanedUpAndTheOthersKeepRunning() {
        ImageFixture f = images();
        Path enclave = f.enclave("rt", "256K", false, 4, "wordcount", "crasher");
        ContainerImage wc = wordcount(f, enclave, "wc");
        ContainerImage crasher = f.container(enclave, "bad", "crasher", List.of(), Map.of());
        Container good = start(wc, Mode.SHARED);
        Container bad = start(crasher, Mode.SHARED);
        Container.Outcome crashed = manager.run(bad);
        assertThat(crashed.error()).contains("E_CRASHED").contains("boom in bad");
        EcallReply afterCrash = manager.call(
                bad, RuntimeAbi.ECALL_SEAL, new Wire.Writer().blob(new byte[4]).toBytes());
        assertThat(afterCrash.status())
                .as("the crashed container is gone from the runtime")
                .isEqualTo(RuntimeAbi.E_NOT_ATTACHED);
        manager.stop(bad);
        assertThat(manager.run(good).error()).isNull();
        assertThat(manager.run(start(wc, Mode.SHARED)).error())
                .as("a new container still starts")
                .isNull();
        assertThat(driver.stats().enclaves()).hasSize(1);
    }

    @Test
    void theSharedEnclaveOutlivesItsCreatorAndGoesWithTheLastContainer() {
        ImageFixture f = images();
        ContainerImage image = wordcount(f, f.enclave("rt", "256K", false, 4, "wordcount"), "wc");
        Container creator = start(image, Mode.SHARED);
        Container second = start(image, Mode.SHARED);
        manager.stop(creator);
        assertThat(manager.run(second).error()).isNull();
        manager.stop(second);
        assertThat(driver.stats().enclaves()).isEmpty();
    }

    @Test
    void heapAnEdmmContainerGrowsIsItsOwnAndTheRestIsShared() {
        ImageFixture f = images();
        Path enclave = f.enclave("rt", "2M", true, 4, "hog");
        ContainerImage big = f.container(enclave, "big", "hog", List.of("256"), Map.of());
        ContainerImage small = f.container(enclave, "small", "hog", List.of("16"), Map.of());
        Container a = start(big, Mode.SHARED);
        Container b = start(small, Mode.SHARED);
        Container.Outcome oa = manager.run(a);
        assertThat(oa.error()).isNull();
        assertThat(oa.stdoutText()).isEqualTo("64 pages\n");
        assertThat(manager.run(b).stdoutText()).isEqualTo("4 pages\n");
        EpcUsage ua = manager.epcUsage(a);
        EpcUsage ub = manager.epcUsage(b);
        // 68 heap pages in use, 4 of them EADDed at build (heap_initial 16K): 64 were EAUGed, each on the fault of
        // the container that touched it first.
        assertThat(ua.privatePages() + ub.privatePages()).isEqualTo(64);
        assertThat(ua.privatePages()).as("EAUGed on a's faults").isGreaterThanOrEqualTo(60);
        assertThat(ub.privatePages()).isPositive();
        assertThat(ua.sharedPages()).isEqualTo(ub.sharedPages()).isPositive();
        assertThat(ua.proportionalPages()).isEqualTo(ua.privatePages() + ua.sharedPages() / 2.0);
        assertThat(manager.totalEnclavePages()).isEqualTo(ua.privatePages() + ub.privatePages() + ua.sharedPages());
    }

    @Test
    void aContainerCannotReadAnotherContainersHeapInTheSharedEnclave() {
        ImageFixture f = images();
        Path enclave = f.enclave("rt", "256K", false, 4, "secret", "peeker");
        Container holder = start(f.container(enclave, "holder", "secret", List.of(), Map.of()), Mode.SHARED);
        String address = manager.run(holder).stdoutText();
        Container peeker = start(f.container(enclave, "peeker", "peeker", List.of(address), Map.of()), Mode.SHARED);
        Container.Outcome out = manager.run(peeker);
        assertThat(out.stdoutText()).doesNotContain("5ec2e7");
        assertThat(out.error()).contains("E_CRASHED").contains("outside its own heap");
    }

    @Test
    void anInstanceIsInvokedAgainWithItsOwnInputAndOutput() {
        ImageFixture f = images();
        Container c = start(
                f.container(f.enclave("rt", "256K", false, 2, "upper"), "up", "upper", List.of(), Map.of()),
                Mode.SHARED);
        Container.Outcome first = manager.invoke(c, "hello".getBytes());
        Container.Outcome second = manager.invoke(c, "again".getBytes());
        assertThat(first.stdoutText()).isEqualTo("HELLO");
        assertThat(second.stdoutText()).as("only this invocation's output").isEqualTo("AGAIN");
        assertThat(second.exitCode()).isZero();
        assertThat(manager.invoke(c, new byte[0]).exitCode()).isEqualTo(1);
        assertThat(c.phases().wallNanos(Phase.FIRST_ENTRY))
                .as("the first invocation only")
                .isEqualTo(first.wallNanos());
    }

    @Test
    void aWarmPeriodKeepsTheSharedEnclaveForTheNextContainer() {
        ImageFixture f = images();
        ContainerImage image = wordcount(f, f.enclave("rt", "256K", false, 2, "wordcount"), "wc");
        try (ContainerManager warm = new ContainerManager(
                kernel, driver, new TeeMateController(driver), Duration.ofSeconds(10), Duration.ofMinutes(5))) {
            Container first = warm.start(image, Mode.SHARED);
            warm.stop(first);
            assertThat(driver.stats().enclaves())
                    .as("kept warm with no container")
                    .containsOnlyKeys(first.enclaveId());
            Container next = warm.start(image, Mode.SHARED);
            assertThat(next.enclaveId()).isEqualTo(first.enclaveId());
            // Aliasing is mmap system calls only: less than the EADD of a single page.
            assertThat(next.phases().modeledNanos(Phase.ENCLAVE))
                    .as("aliased: nothing added or measured")
                    .isPositive()
                    .isLessThan(io.teemate.sgx.cost.CostModel.published()
                            .nanos(io.teemate.sgx.cost.CostModel.published().cycles(io.teemate.sgx.cost.SgxLeaf.EADD)));
            assertThat(warm.run(next).error()).isNull();
            warm.stop(next);
        }
        assertThat(driver.stats().enclaves())
                .as("closing the manager lets it go")
                .isEmpty();
    }

    @Test
    void aChangedTrustedFileFailsTheReadWithTheFileNamed() throws Exception {
        ImageFixture f = images();
        ContainerImage image = wordcount(f, f.enclave("rt", "256K", false, 2, "wordcount"), "wc");
        Files.writeString(dir.resolve("b.txt"), "five sIx\n"); // after the image was checked and signed
        Container.Outcome out = manager.run(start(image, Mode.SHARED));
        assertThat(out.error()).contains("E_FILE").contains("b.txt").contains("SHA-256");
    }

    @Test
    void aBadManifestNamesTheField() throws Exception {
        ImageFixture f = images();
        Path enclave = f.enclave("rt", "256K", false, 2, "wordcount");
        Path manifest = dir.resolve("broken.json");
        Files.writeString(
                manifest,
                "{\"name\": \"x\", \"enclave_image\": \"rt.json\", \"entry\": \"nope\", \"args\": [], "
                        + "\"env\": {}, \"files\": []}");
        assertThatThrownBy(() -> ContainerImage.load(manifest, ImageFixture.OWNER))
                .hasMessageContaining("entry");
        assertThat(enclave).exists();
    }
}
