package io.teemate.host.container;

import io.teemate.abi.RuntimeAbi;
import io.teemate.enclave.memory.ContainerMemoryLimitException;
import io.teemate.enclave.runtime.ContainerApp;
import io.teemate.enclave.runtime.ContainerEnv;
import io.teemate.enclave.runtime.ContainerFaultException;
import io.teemate.enclave.runtime.ContainerTimeoutException;
import io.teemate.host.controller.TeeMateController;
import io.teemate.host.driver.SgxDriver;
import io.teemate.host.kernel.Kernel;
import io.teemate.sgx.Machine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a container's code failed comes back as the ecall's status, so the host never reads the runtime's text to
 * tell a fault from a limit or a crash: the container's own errors (E_FAULT, E_TIMEOUT, E_NO_MEMORY) carry the
 * code's message alone, written for the container's user; anything else is E_CRASHED, with the detail for the
 * operator. Each ends only its own container.
 */
class ContainerFailureStatusTest {
    static final String FAULT = "out of bounds memory access";
    static final String TIMEOUT = "function f ran past its time limit of 5 ms and was stopped";
    static final String LIMIT = "the module's memory starts at 40 Wasm pages, more than the function's limit of 16";

    @TempDir
    Path dir;

    private final Machine machine =
            Machine.builder().epcMiB(32).logicalProcessors(2).seed(13).build();
    private final Kernel kernel = new Kernel(machine);
    private final SgxDriver driver = new SgxDriver(kernel);
    private final ContainerManager manager =
            new ContainerManager(kernel, driver, new TeeMateController(driver), Duration.ofSeconds(10), Duration.ZERO);
    private final List<Container> started = new ArrayList<>();
    private ImageFixture images;
    private Path enclave;

    /** Fails as its standard input says: its own fault, its time limit, its memory limit, or a bug. */
    static final class Failer implements ContainerApp {
        @Override
        public String name() {
            return "failer";
        }

        @Override
        public int main(ContainerEnv env) {
            String what = new String(env.stdin(), StandardCharsets.UTF_8);
            switch (what) {
                case "fault" -> throw new ContainerFaultException(FAULT, new ArithmeticException("the app's cause"));
                case "timeout" -> throw new ContainerTimeoutException(TIMEOUT);
                case "limit" -> throw new ContainerMemoryLimitException(LIMIT);
                case "bug" -> throw new IllegalStateException("a bug in " + env.name());
                default -> env.print("fine");
            }
            return 0;
        }
    }

    /** Allocates as many KiB of its heap as its standard input says: past its memory_limit, the runtime's quota stops it. */
    static final class StdinHog implements ContainerApp {
        @Override
        public String name() {
            return "stdin-hog";
        }

        @Override
        public int main(ContainerEnv env) {
            int kib = Integer.parseInt(new String(env.stdin(), StandardCharsets.UTF_8));
            for (int i = 0; i < kib / 4; i++) {
                env.memory().writeLong(env.heap().allocate(4096), i);
            }
            return 0;
        }
    }

    @AfterEach
    void tearDown() {
        started.forEach(manager::stop);
        manager.close();
    }

    private Container start(String name, String entry, String memoryLimit, Mode mode) {
        if (images == null) {
            images = new ImageFixture(dir);
            enclave = images.enclave("failures", "256K", false, 4, "failer", "stdin-hog");
        }
        Container c = manager.start(images.container(enclave, name, entry, List.of(), Map.of(), memoryLimit), mode);
        started.add(c);
        return c;
    }

    private void stop(Container c) {
        started.remove(c);
        manager.stop(c);
    }

    private Container.Outcome invoke(Container c, String stdin) {
        return manager.invoke(c, stdin.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void eachFailureComesBackAsItsOwnStatusAndOnlyTheContainersOwnErrorsKeepTheirWords(Mode mode) {
        Container bystander = start("bystander", "failer", null, mode);
        record Case(String stdin, long status, String error) {}
        List<Case> cases = List.of(
                new Case("fault", RuntimeAbi.E_FAULT, "E_FAULT: " + FAULT),
                new Case("timeout", RuntimeAbi.E_TIMEOUT, "E_TIMEOUT: " + TIMEOUT),
                new Case("limit", RuntimeAbi.E_NO_MEMORY, "E_NO_MEMORY: " + LIMIT));
        for (Case k : cases) {
            Container c = start("failer-" + k.stdin(), "failer", null, mode);
            Container.Outcome o = invoke(c, k.stdin());
            assertThat(o.status()).as(k.stdin() + ": " + o.error()).isEqualTo(k.status());
            assertThat(o.error())
                    .as("the code's message alone: no container name, no class name")
                    .isEqualTo(k.error());
            assertThat(invoke(c, "again").status())
                    .as(k.stdin() + ": the container was torn down")
                    .isEqualTo(RuntimeAbi.E_NOT_ATTACHED);
            stop(c); // its TCS back to the pool (the enclave has 4)
        }
        Container buggy = start("failer-bug", "failer", null, mode);
        Container.Outcome crash = invoke(buggy, "bug");
        assertThat(crash.status()).isEqualTo(RuntimeAbi.E_CRASHED);
        assertThat(crash.error())
                .as("a crash's detail is for the operator: what was thrown")
                .contains("java.lang.IllegalStateException")
                .contains("a bug in failer-bug");
        assertThat(invoke(buggy, "again").status()).isEqualTo(RuntimeAbi.E_NOT_ATTACHED);
        stop(buggy);

        Container.Outcome fine = invoke(bystander, "nothing");
        assertThat(fine.status()).isEqualTo(RuntimeAbi.OK);
        assertThat(fine.stdoutText()).isEqualTo("fine");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void theRuntimesOwnMemoryLimitIsENoMemoryWithTheLimitInWords(Mode mode) {
        Container hog = start("hog", "stdin-hog", "64K", mode);
        Container.Outcome o = invoke(hog, "128");
        assertThat(o.status()).as(o.error()).isEqualTo(RuntimeAbi.E_NO_MEMORY);
        assertThat(o.error())
                .startsWith("E_NO_MEMORY: container hog")
                .contains("over its memory limit")
                .doesNotContain("Exception")
                .doesNotContain("io.teemate");
    }
}
