package io.teemate.host.container;

import io.teemate.abi.RuntimeAbi;
import io.teemate.host.controller.TeeMateController;
import io.teemate.host.driver.SgxDriver;
import io.teemate.host.kernel.Kernel;
import io.teemate.sgx.AexEvent;
import io.teemate.sgx.ExitHandler;
import io.teemate.sgx.LogicalProcessor;
import io.teemate.sgx.Machine;
import io.teemate.sgx.PageFault;
import io.teemate.sgx.struct.GprSgx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OCALL_SERVICE: a container's code asks the platform's services by name. The host answers what is registered and
 * -ENOSYS otherwise, maps a service's failure to -EIO and a malformed request to -EINVAL, refuses a reply longer than
 * the ocall buffer (-E2BIG) rather than cut it; and a hostile host that claims more reply bytes than the buffer holds,
 * or an impossible errno, is an error the container's code gets, never a read past the buffer.
 */
class HostServiceTest {
    @TempDir
    Path dir;

    private final Machine machine =
            Machine.builder().epcMiB(32).logicalProcessors(2).seed(12).build();
    private final Kernel kernel = new Kernel(machine);
    private final SgxDriver driver = new SgxDriver(kernel);
    private final ContainerManager manager =
            new ContainerManager(kernel, driver, new TeeMateController(driver), Duration.ofSeconds(10), Duration.ZERO);
    private final List<Container> started = new ArrayList<>();
    private ImageFixture images;
    private Path enclave;

    @AfterEach
    void tearDown() {
        started.forEach(manager::stop);
        manager.close();
    }

    /** A started caller container that asks {@code service} with {@code request}. */
    private Container caller(String name, String service, String request) {
        if (images == null) {
            images = new ImageFixture(dir);
            enclave = images.enclave("services", "256K", false, 4, "caller");
        }
        Container c = manager.start(
                images.container(enclave, name, "caller", List.of(service, request), Map.of()), Mode.SHARED);
        started.add(c);
        return c;
    }

    private String run(String service, String request) {
        Container c = caller("c" + calls++, service, request);
        try {
            Container.Outcome o = manager.run(c);
            assertThat(o.ok()).as(o.toString()).isTrue();
            return o.stdoutText();
        } finally {
            done(c);
        }
    }

    /** Stops {@code c}: the enclave has four TCSs, and a test asks more than four times. */
    private void done(Container c) {
        started.remove(c);
        manager.stop(c);
    }

    private int calls;

    @Test
    void aRegisteredServiceAnswersWithTheContainersName() {
        manager.registerService(
                "echo",
                (container, request) -> (container + ":" + new String(request, StandardCharsets.UTF_8)).getBytes());
        assertThat(run("echo", "hi")).isEqualTo("reply c0:hi");
        // exactly the buffer is still a reply
        manager.registerService("full", (container, request) -> new byte[HostService.MAX_REPLY]);
        assertThat(run("full", "x")).startsWith("reply ").hasSize("reply ".length() + HostService.MAX_REPLY);
    }

    @Test
    void anUnknownServiceIsEnosys() {
        assertThat(run("nope", "x")).startsWith("errno 38: ");
        manager.registerService("gone", (c, r) -> new byte[0]);
        manager.registerService("gone", null);
        assertThat(run("gone", "x")).as("a withdrawn service").startsWith("errno 38: ");
    }

    @Test
    void failuresAreEioEinvalAndE2big() {
        manager.registerService("io", (c, r) -> {
            throw new IOException("the network is down");
        });
        manager.registerService("bad", (c, r) -> {
            throw new IllegalArgumentException("not a request");
        });
        manager.registerService("bug", (c, r) -> {
            throw new IllegalStateException("a bug of the service");
        });
        manager.registerService("big", (c, r) -> new byte[HostService.MAX_REPLY + 1]);
        manager.registerService("null", (c, r) -> null);
        assertThat(run("io", "x")).startsWith("errno 5: ");
        assertThat(run("bad", "x")).startsWith("errno 22: ");
        assertThat(run("bug", "x")).startsWith("errno 5: ");
        assertThat(run("big", "x")).startsWith("errno 7: ");
        assertThat(run("null", "x")).startsWith("errno 7: ");
    }

    /** The host's own hands on the result slot of the container's service ocall. */
    private String hostileRun(long result) {
        Container c = caller("h" + calls++, "any", "x");
        long slot = RuntimeChannel.BUFFERS + RuntimeChannel.REQUEST_CAPACITY + RuntimeChannel.RESPONSE_CAPACITY;
        EcallReply reply = c.process.run(ctx -> c.channel.ecall(
                ctx,
                RuntimeAbi.ECALL_RUN,
                c.sessionToken,
                (t, aep, exits) -> t.eenter(c.tcs, aep, new ExitHandler() {
                    @Override
                    public AexAction onAex(LogicalProcessor lp, AexEvent event) {
                        return exits.onAex(lp, event);
                    }

                    @Override
                    public boolean onEntryFault(LogicalProcessor lp, PageFault fault) {
                        return exits.onEntryFault(lp, fault);
                    }

                    @Override
                    public void onOcall(LogicalProcessor lp) {
                        if (lp.registers().get(GprSgx.RDI) == RuntimeAbi.OCALL_SERVICE) {
                            t.writeLong(slot, result);
                        } else {
                            exits.onOcall(lp);
                        }
                    }
                })));
        try {
            assertThat(reply.ok()).as(reply.message()).isTrue();
            return new String(c.channel.takeStdout(), StandardCharsets.UTF_8);
        } finally {
            done(c);
        }
    }

    @Test
    void aHostileResultLengthIsAnErrorNotARead() {
        assertThat(hostileRun(RuntimeChannel.OCALL_CAPACITY))
                .startsWith("errno ")
                .contains("the host claims " + RuntimeChannel.OCALL_CAPACITY + " result bytes");
        assertThat(hostileRun(Long.MAX_VALUE)).contains("the host claims " + Long.MAX_VALUE + " result bytes");
        assertThat(hostileRun(Long.MIN_VALUE)).as("an errno no kernel has").startsWith("errno 5: ");
        assertThat(hostileRun(-38)).startsWith("errno 38: ");
    }
}
