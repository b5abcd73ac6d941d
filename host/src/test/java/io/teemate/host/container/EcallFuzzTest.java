package io.teemate.host.container;

import io.teemate.abi.RuntimeAbi;
import io.teemate.abi.Wire;
import io.teemate.host.controller.TcsTable;
import io.teemate.host.controller.TeeMateController;
import io.teemate.host.driver.SgxDriver;
import io.teemate.host.kernel.Kernel;
import io.teemate.sgx.Machine;
import io.teemate.sgx.struct.GprSgx;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the trusted runtime's ecall decoding from a hostile co-tenant: random ecall numbers, request bytes (raw,
 * after the caller's own token, after the victim's token), buffer lengths and TCS choices (its own, the victim's,
 * a free one). Every entry must come back with a status (no abandoned thread, no TCS quarantined), and the victim
 * container must keep its session, its heap state and its sealed data whatever the attacker sent.
 */
class EcallFuzzTest {
    private final Path dir;
    private final Machine machine =
            Machine.builder().epcMiB(32).logicalProcessors(2).seed(3).build();
    private final Kernel kernel = new Kernel(machine);
    private final SgxDriver driver = new SgxDriver(kernel);
    private final TeeMateController controller = new TeeMateController(driver);
    private final ContainerManager manager =
            new ContainerManager(kernel, driver, controller, Duration.ofSeconds(10), Duration.ZERO);
    private final Container victim;
    private final Container attacker;
    private final long freeTcs;
    private final byte[] victimSealed;
    private long victimCount;

    EcallFuzzTest() throws Exception {
        dir = Files.createTempDirectory("ecall-fuzz");
        ImageFixture images = new ImageFixture(dir);
        Path enclave = images.enclave("fuzz", "256K", false, 4, "cat", "forker");
        victim = manager.start(images.container(enclave, "victim", "forker", List.of(), Map.of()), Mode.SHARED);
        attacker = manager.start(
                images.container(enclave, "attacker", "cat", List.of("a.txt"), Map.of("a.txt", "mine")), Mode.SHARED);
        victimSealed = manager.call(
                        victim,
                        RuntimeAbi.ECALL_SEAL,
                        new Wire.Writer()
                                .blob("victim's".getBytes(StandardCharsets.UTF_8))
                                .toBytes())
                .orThrow("seal");
        victimCount = Long.parseLong(manager.run(victim).stdoutText());
        freeTcs = controller.inspect(victim.enclaveId()).stream()
                .filter(a -> a.state() == TcsTable.State.FREE)
                .findFirst()
                .orElseThrow()
                .tcsAddress();
    }

    @AfterProperty
    void close() throws Exception {
        manager.stop(victim);
        manager.stop(attacker);
        manager.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }

    enum Target {
        OWN,
        VICTIM,
        FREE
    }

    enum Prefix {
        NONE,
        OWN_TOKEN,
        VICTIM_TOKEN
    }

    record Call(long ecall, Target target, Prefix prefix, byte[] body, long requestLength, long responseCapacity) {}

    @Provide
    Arbitrary<Call> calls() {
        Arbitrary<Long> ecalls = Arbitraries.oneOf(
                Arbitraries.longs().between(-2, 13), Arbitraries.of(99L, Long.MAX_VALUE, Long.MIN_VALUE));
        Arbitrary<byte[]> bodies = Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(200),
                // well-formed looking blobs with hostile lengths
                Arbitraries.integers().map(n -> new Wire.Writer().u32(n).toBytes()),
                Arbitraries.longs().map(n -> new Wire.Writer().u64(n).toBytes()));
        Arbitrary<Long> lengths = Arbitraries.oneOf(
                Arbitraries.just(-1L),
                Arbitraries.of(0L, -1L, 1L << 40, Long.MIN_VALUE),
                Arbitraries.just(-1L)); // -1: the body's own length
        Arbitrary<Long> capacities = Arbitraries.of((long) RuntimeChannel.RESPONSE_CAPACITY, 0L, 5L, -1L, 1L << 40);
        return Combinators.combine(
                        ecalls, Arbitraries.of(Target.class), Arbitraries.of(Prefix.class), bodies, lengths, capacities)
                .as(Call::new);
    }

    @Property(tries = 300)
    void noHostileEcallHurtsAnotherContainer(@ForAll("calls") Call call) {
        long tcs = switch (call.target()) {
            case OWN -> attacker.tcs;
            case VICTIM -> victim.tcs;
            case FREE -> freeTcs;
        };
        byte[] prefix = switch (call.prefix()) {
            case NONE -> new byte[0];
            case OWN_TOKEN -> attacker.sessionToken;
            case VICTIM_TOKEN ->
                call.target() == Target.VICTIM ? new byte[0] : victim.sessionToken; // never the victim's own session
        };
        if (call.ecall() == RuntimeAbi.ECALL_DETACH
                && call.target() == Target.OWN
                && call.prefix() == Prefix.OWN_TOKEN) {
            return; // the attacker may end itself; that is its own container
        }
        byte[] request = new Wire.Writer().bytes(prefix).bytes(call.body()).toBytes();
        long status = attacker.process.run(ctx -> {
            ctx.write(RuntimeChannel.BUFFERS, request);
            var r = ctx.lp().registers();
            r.set(GprSgx.RDI, call.ecall());
            r.set(GprSgx.RSI, RuntimeChannel.BUFFERS);
            r.set(GprSgx.RDX, call.requestLength() == -1 ? request.length : call.requestLength());
            r.set(GprSgx.R8, RuntimeChannel.BUFFERS + RuntimeChannel.REQUEST_CAPACITY);
            r.set(GprSgx.R9, call.responseCapacity());
            r.set(
                    GprSgx.R10,
                    RuntimeChannel.BUFFERS + RuntimeChannel.REQUEST_CAPACITY + RuntimeChannel.RESPONSE_CAPACITY);
            r.set(GprSgx.R11, RuntimeChannel.OCALL_CAPACITY);
            ctx.eenter(tcs, RuntimeChannel.AEP, ctx.exits());
            return r.get(GprSgx.RAX);
        });
        assertThat(status)
                .as("a status, never a hang or a thrown thread")
                .isLessThanOrEqualTo(RuntimeAbi.OK)
                .isGreaterThanOrEqualTo(-12);
        assertThat(controller.inspect(victim.enclaveId())).noneMatch(a -> a.state() == TcsTable.State.QUARANTINED);
        // The victim is untouched: same session, same state, its sealed data opens only for it.
        victimCount++;
        assertThat(manager.run(victim).stdoutText()).isEqualTo(Long.toString(victimCount));
        EcallReply unsealed = manager.call(
                victim,
                RuntimeAbi.ECALL_UNSEAL,
                new Wire.Writer().blob(victimSealed).toBytes());
        assertThat(new String(unsealed.orThrow("unseal"), StandardCharsets.UTF_8))
                .isEqualTo("victim's");
    }
}
