package io.teemate.host.container;

import io.teemate.host.controller.TeeMateController;
import io.teemate.host.driver.SgxDriver;
import io.teemate.host.kernel.AnonymousMemory;
import io.teemate.host.kernel.Kernel;
import io.teemate.sgx.Machine;
import io.teemate.sgx.cost.SystemCost;
import io.teemate.sgx.struct.PagePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ECALL_FORK: a child process aliased into the parent's enclave, bound to its own TCS, with what it inherits. */
class ContainerForkTest {
    @TempDir
    Path dir;

    private final Machine machine =
            Machine.builder().epcMiB(64).logicalProcessors(2).seed(5).build();
    private final Kernel kernel = new Kernel(machine);
    private final SgxDriver driver = new SgxDriver(kernel);
    private final ContainerManager manager =
            new ContainerManager(kernel, driver, new TeeMateController(driver), Duration.ofSeconds(5), Duration.ZERO);

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private ContainerImage image(String app, int threads) {
        ImageFixture f = new ImageFixture(dir);
        return f.container(f.enclave("rt", "256K", false, threads, "forker", "upper"), app, app, List.of(), Map.of());
    }

    @Test
    void aForkedChildSharesTheEnclaveHasItsOwnTcsAndInheritsTheParentsState() {
        ContainerImage image = image("forker", 3);
        Container parent = manager.start(image, Mode.SHARED);
        assertThat(manager.invoke(parent, new byte[0]).stdoutText()).isEqualTo("1");
        assertThat(manager.invoke(parent, new byte[0]).stdoutText()).isEqualTo("2");
        long pagesBefore = manager.totalEnclavePages();

        Container child = manager.fork(parent);

        assertThat(child.enclaveId()).isEqualTo(parent.enclaveId());
        assertThat(child.tcsAddress()).isNotEqualTo(parent.tcsAddress());
        assertThat(child.process().pid()).isNotEqualTo(parent.process().pid());
        // Aliasing is mmap system calls only: less than the EADD of a single page.
        assertThat(child.phases().modeledNanos(Phase.ENCLAVE))
                .as("aliased: nothing added or measured")
                .isPositive()
                .isLessThan(io.teemate.sgx.cost.CostModel.published()
                        .nanos(io.teemate.sgx.cost.CostModel.published().cycles(io.teemate.sgx.cost.SgxLeaf.EADD)));
        assertThat(child.phases().modeledNanos(Phase.RUNTIME_INIT))
                .as("one ecall, EENTER + EEXIT")
                .isPositive();
        assertThat(manager.totalEnclavePages()).as("no EPC page for the child").isEqualTo(pagesBefore);
        assertThat(manager.invoke(child, new byte[0]).stdoutText())
                .as("inherited 2, its own count from there")
                .isEqualTo("3");
        assertThat(manager.invoke(parent, new byte[0]).stdoutText())
                .as("the parent's count is its own")
                .isEqualTo("3");
        assertThat(manager.invoke(child, new byte[0]).stdoutText()).isEqualTo("4");

        manager.stop(child);
        assertThat(manager.invoke(parent, new byte[0]).stdoutText())
                .as("the parent goes on")
                .isEqualTo("4");
        manager.stop(parent);
        assertThat(driver.stats().enclaves()).isEmpty();
    }

    @Test
    void aForkCostsFork2AndTheCopyOfEveryPageTableEntryOfItsParentSoABiggerParentCostsMore() {
        Container parent = manager.start(image("forker", 3), Mode.SHARED);
        var model = machine.costModel();
        int smallParent = parent.process().addressSpace().mappedPages();
        Container small = manager.fork(parent);
        long extra = 0x3000_0000L;
        parent.process().run(ctx -> {
            parent.process()
                    .addressSpace()
                    .mmap(extra, 32 * 4096, PagePermissions.RW, new AnonymousMemory(machine.dram()));
            for (int i = 0; i < 32; i++) {
                ctx.writeLong(extra + i * 4096L, i);
            }
            return null;
        });
        int bigParent = parent.process().addressSpace().mappedPages();
        Container big = manager.fork(parent);

        assertThat(bigParent).isGreaterThanOrEqualTo(smallParent + 32);
        for (var c : List.of(Map.entry(small, smallParent), Map.entry(big, bigParent))) {
            assertThat(c.getKey().phases().modeledNanos(Phase.PROCESS))
                    .isEqualTo(model.nanos(
                            model.cycles(SystemCost.PROCESS_FORK) + c.getValue() * model.cycles(SystemCost.PTE_MAP)));
        }
        assertThat(big.phases().modeledNanos(Phase.PROCESS))
                .isGreaterThan(small.phases().modeledNanos(Phase.PROCESS));
        assertThat(parent.phases().modeledNanos(Phase.PROCESS))
                .as("a new container: the runtime's setup and a fork+exec")
                .isEqualTo(model.nanos(
                        model.cycles(SystemCost.CONTAINER_CREATE) + model.cycles(SystemCost.PROCESS_CREATE)));
    }

    @Test
    void anAppThatDoesNotForkIsRefusedAndTheChildLeavesNothingBehind() {
        ContainerImage image = image("upper", 2);
        Container parent = manager.start(image, Mode.SHARED);
        assertThatThrownBy(() -> manager.fork(parent))
                .isInstanceOf(ContainerException.class)
                .hasMessageContaining("E_UNSUPPORTED")
                .hasMessageContaining("does not fork");
        assertThat(kernel.processes())
                .as("the child process is gone")
                .noneMatch(p -> p.toString().startsWith("upper-child"));
        // The child's TCS went back to the table: the enclave's second TCS takes a new container.
        Container other = manager.start(image, Mode.SHARED);
        assertThat(manager.invoke(other, "x".getBytes()).stdoutText()).isEqualTo("X");
        assertThat(manager.invoke(parent, "y".getBytes()).stdoutText()).isEqualTo("Y");
        manager.stop(other);
        manager.stop(parent);
    }

    @Test
    void aConventionalContainerCannotForkIntoItsEnclave() {
        Container parent = manager.start(image("forker", 2), Mode.CONVENTIONAL);
        assertThatThrownBy(() -> manager.fork(parent))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("conventional");
        manager.stop(parent);
    }

    @Test
    void aForkWithNoFreeTcsWaitsAndThenFailsWithoutHarmingTheParent() {
        ContainerImage image = image("forker", 1);
        try (ContainerManager quick = new ContainerManager(
                kernel, driver, new TeeMateController(driver), Duration.ofMillis(200), Duration.ZERO)) {
            Container parent = quick.start(image, Mode.SHARED);
            assertThatThrownBy(() -> quick.fork(parent)).isInstanceOf(ContainerException.class);
            assertThat(quick.invoke(parent, new byte[0]).stdoutText()).isEqualTo("1");
            quick.stop(parent);
        }
    }
}
