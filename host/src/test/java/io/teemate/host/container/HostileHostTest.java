package io.teemate.host.container;

import io.teemate.abi.RuntimeAbi;
import io.teemate.abi.Wire;
import io.teemate.host.controller.TcsTable;
import io.teemate.host.controller.TeeMateController;
import io.teemate.host.driver.SgxDriver;
import io.teemate.host.kernel.Kernel;
import io.teemate.host.kernel.UserContext;
import io.teemate.sgx.AexEvent;
import io.teemate.sgx.ExitHandler;
import io.teemate.sgx.LogicalProcessor;
import io.teemate.sgx.Machine;
import io.teemate.sgx.PageFault;
import io.teemate.sgx.struct.GprSgx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The host is hostile, and so are the co-tenants: they enter a TCS whose ecall is out in an ocall or an AEX, enter
 * at CSSA > 0, attach over a live container's TCS, probe for bound TCSs, and run code that throws Errors or eats
 * the heap. The runtime refuses every nested entry before it reads anything, never frees memory that running code
 * holds, keeps a live binding, and ends only the container at fault; every other container keeps its data.
 * (The red-team review, findings 1, 2 and 3, and its lower-severity list.)
 */
class HostileHostTest {
    private static final long[] EVERY_ECALL = {
        RuntimeAbi.ECALL_CHALLENGE, RuntimeAbi.ECALL_ATTACH, RuntimeAbi.ECALL_RUN, RuntimeAbi.ECALL_DETACH,
        RuntimeAbi.ECALL_SEAL, RuntimeAbi.ECALL_UNSEAL, RuntimeAbi.ECALL_ATTEST, RuntimeAbi.ECALL_READ_FILE,
        RuntimeAbi.ECALL_STATS, RuntimeAbi.ECALL_INVOKE, RuntimeAbi.ECALL_FORK, 99
    };

    @TempDir
    Path dir;

    private final Machine machine =
            Machine.builder().epcMiB(32).logicalProcessors(2).seed(11).build();
    private final Kernel kernel = new Kernel(machine);
    private final SgxDriver driver = new SgxDriver(kernel);
    private final TeeMateController controller = new TeeMateController(driver);
    private final ContainerManager manager =
            new ContainerManager(kernel, driver, controller, Duration.ofSeconds(10), Duration.ZERO);
    private final List<Container> started = new ArrayList<>();
    private ImageFixture images;
    private Path enclave;

    @AfterEach
    void tearDown() {
        TestApps.Spinner.release = true;
        started.forEach(manager::stop);
        manager.close();
    }

    private ContainerImage image(String name, String entry, String memoryLimit) {
        if (images == null) {
            images = new ImageFixture(dir);
            enclave =
                    images.enclave("hostile", "256K", false, 4, "cat", "spinner", "thrower", "forker", "hog", "spacer");
        }
        Map<String, String> files = new LinkedHashMap<>();
        files.put(name + ".txt", "secret of " + name);
        List<String> args = entry.equals("hog") ? List.of("128") : List.of(name + ".txt");
        return images.container(enclave, name, entry, args, files, memoryLimit);
    }

    private Container start(String name, String entry) {
        return start(image(name, entry, null));
    }

    private Container start(ContainerImage image) {
        return start(image, Mode.SHARED);
    }

    private Container start(ContainerImage image, Mode mode) {
        Container c = manager.start(image, mode);
        started.add(c);
        return c;
    }

    /** The hostile host enters {@code tcs} from {@code via}'s process with a request of its choosing. */
    private static EcallReply enter(Container via, long tcs, long ecall, byte[] request) {
        return via.process.run(ctx -> nested(via, ctx, tcs, ecall, request));
    }

    /** An EENTER made from inside one of {@code via}'s exit handlers, on the thread that is out of the enclave. */
    private static EcallReply nested(Container via, UserContext ctx, long tcs, long ecall, byte[] request) {
        return via.channel.ecall(ctx, ecall, request, (t, aep, exits) -> t.eenter(tcs, aep, exits));
    }

    private static byte[] withToken(Container c, byte[] args) {
        return new Wire.Writer().bytes(c.sessionToken).bytes(args).toBytes();
    }

    /** {@code exits} with the hostile host's own hands on AEXs and ocalls. */
    private static ExitHandler intercepting(
            ExitHandler exits,
            java.util.function.BiFunction<LogicalProcessor, AexEvent, ExitHandler.AexAction> onAex,
            java.util.function.Consumer<LogicalProcessor> onOcall) {
        return new ExitHandler() {
            @Override
            public AexAction onAex(LogicalProcessor lp, AexEvent event) {
                return onAex.apply(lp, event);
            }

            @Override
            public boolean onEntryFault(LogicalProcessor lp, PageFault fault) {
                return exits.onEntryFault(lp, fault);
            }

            @Override
            public void onOcall(LogicalProcessor lp) {
                onOcall.accept(lp);
            }
        };
    }

    /** Finding 1, ocall variant: while c's RUN is out in its first ocall, the host enters c's TCS with every ecall. */
    @Test
    void everyEcallIsRefusedOnATcsWhoseEcallIsOutInAnOcall() {
        Container a = start("a", "cat");
        List<EcallReply> nestedReplies = new ArrayList<>();
        AtomicBoolean armed = new AtomicBoolean(true);
        EcallReply outer = a.process.run(ctx -> a.channel.ecall(
                ctx,
                RuntimeAbi.ECALL_RUN,
                a.sessionToken,
                (t, aep, exits) -> t.eenter(a.tcs, aep, intercepting(exits, exits::onAex, lp -> {
                    long number = lp.registers().get(GprSgx.RDI);
                    long length = lp.registers().get(GprSgx.RSI);
                    if (armed.compareAndSet(true, false)) {
                        for (long ecall : EVERY_ECALL) {
                            nestedReplies.add(nested(a, t, a.tcs, ecall, withToken(a, new byte[0])));
                        }
                        nestedReplies.add(nested(a, t, a.tcs, RuntimeAbi.ECALL_DETACH, a.sessionToken));
                    }
                    lp.registers().set(GprSgx.RDI, number); // the nested entries used the registers too
                    lp.registers().set(GprSgx.RSI, length);
                    exits.onOcall(lp);
                }))));
        assertThat(nestedReplies)
                .hasSize(EVERY_ECALL.length + 1)
                .allSatisfy(r -> assertThat(r.status()).as(r.message()).isEqualTo(RuntimeAbi.E_REENTRY));
        assertThat(outer.ok()).as(outer.message()).isTrue();
        assertThat(a.channel.takeStdout()).asString(StandardCharsets.UTF_8).isEqualTo("secret of a");
        assertThat(manager.run(a).stdoutText())
                .as("a is still attached, its state untouched")
                .isEqualTo("secret of a");
    }

    /**
     * Finding 1, AEX variant (the review's probe): while a's code is suspended in an AEX holding its heap, the host
     * enters a's TCS at CSSA 1 to DETACH it. Before the fix the DETACH ran and freed the heap under the running
     * code; now the exception entry runs nothing, and a resumes with its memory intact.
     */
    @Test
    @Timeout(60)
    void anEntryAtCssaAboveZeroRunsNothingAndTheInterruptedCodeKeepsItsMemory() throws Exception {
        TestApps.Spinner.release = false;
        Container a = start("a", "spinner");
        Container b = start("b", "cat");
        AtomicReference<EcallReply> nestedDetach = new AtomicReference<>();
        AtomicReference<EcallReply> nestedStats = new AtomicReference<>();
        AtomicBoolean armed = new AtomicBoolean(true);
        Future<EcallReply> outer = a.process.start(ctx -> a.channel.ecall(
                ctx,
                RuntimeAbi.ECALL_RUN,
                a.sessionToken,
                (t, aep, exits) -> t.eenter(
                        a.tcs,
                        aep,
                        intercepting(
                                exits,
                                (lp, event) -> {
                                    if (event.isInterrupt() && armed.compareAndSet(true, false)) {
                                        nestedDetach.set(nested(a, t, a.tcs, RuntimeAbi.ECALL_DETACH, a.sessionToken));
                                        nestedStats.set(nested(a, t, a.tcs, RuntimeAbi.ECALL_STATS, a.sessionToken));
                                        TestApps.Spinner.release = true;
                                        return ExitHandler.AexAction.ERESUME;
                                    }
                                    return exits.onAex(lp, event);
                                },
                                exits::onOcall))));
        assertThat(TestApps.Spinner.running.await(20, TimeUnit.SECONDS))
                .as("the spinner started")
                .isTrue();
        LogicalProcessor lp = processorRunning(a);
        while (armed.get() && !outer.isDone()) {
            lp.raiseInterrupt(); // delivered at a's next memory access: an AEX while its code holds its heap
            Thread.onSpinWait();
        }
        EcallReply reply = outer.get(30, TimeUnit.SECONDS);
        assertThat(nestedDetach.get()).as("the DETACH entered at CSSA 1").isNotNull();
        assertThat(nestedDetach.get().status()).as(nestedDetach.get().message()).isEqualTo(RuntimeAbi.E_REENTRY);
        assertThat(nestedStats.get().status()).isEqualTo(RuntimeAbi.E_REENTRY);
        assertThat(reply.ok()).as(reply.message()).isTrue();
        assertThat(a.channel.takeStdout())
                .asString(StandardCharsets.UTF_8)
                .as("a read its own value to the end, from pages nobody else got")
                .isEqualTo("5ec2e75ec2e7 5ec2e75ec2e7");
        assertThat(manager.run(b).stdoutText()).isEqualTo("secret of b");
        assertThat(manager.call(a, RuntimeAbi.ECALL_STATS, new byte[0]).ok())
                .as("a is still attached")
                .isTrue();
    }

    /** The logical processor a's thread is running on now (it is inside the enclave, spinning). */
    private LogicalProcessor processorRunning(Container a) {
        for (LogicalProcessor lp : machine.processors()) {
            if (lp.inEnclaveMode()) {
                return lp;
            }
        }
        throw new AssertionError("no processor is in enclave mode while " + a + " spins");
    }

    /** Finding 2: a co-tenant with valid credentials of its own attaches on another container's idle TCS. */
    @Test
    void aCoTenantCannotAttachOverALiveContainersTcs() throws Exception {
        Container victim = start("victim", "forker");
        assertThat(manager.run(victim).stdoutText()).isEqualTo("1");
        assertThat(manager.run(victim).stdoutText()).isEqualTo("2");
        ContainerImage attackerImage = image("attacker", "cat", null);
        Container attacker = start(attackerImage);

        byte[] nonce = enter(attacker, victim.tcs, RuntimeAbi.ECALL_CHALLENGE, new byte[0])
                .orThrow("challenge");
        EcallReply hijack =
                enter(attacker, victim.tcs, RuntimeAbi.ECALL_ATTACH, attachRequest(attackerImage, nonce, victim.tcs));
        assertThat(hijack.status()).isEqualTo(RuntimeAbi.E_REFUSED);
        assertThat(hijack.message()).contains("bound to a container");
        assertThat(manager.run(victim).stdoutText())
                .as("the victim's state survived")
                .isEqualTo("3");
    }

    /** Finding 2: CHALLENGE changes nothing, so a co-tenant's challenge cannot break an attach in flight. */
    @Test
    void aCoTenantsChallengeDoesNotSpoilAnAttachInFlight() throws Exception {
        ContainerImage victimImage = image("victim", "cat", null);
        Container victim = start(victimImage);
        Container other = start("other", "cat");
        assertThat(manager.call(victim, RuntimeAbi.ECALL_DETACH, new byte[0]).ok())
                .isTrue();
        byte[] nonce = enter(victim, victim.tcs, RuntimeAbi.ECALL_CHALLENGE, new byte[0])
                .orThrow("challenge");
        byte[] meddled = enter(other, victim.tcs, RuntimeAbi.ECALL_CHALLENGE, new byte[0])
                .orThrow("challenge");
        assertThat(meddled).as("asking again changes nothing").isEqualTo(nonce);
        EcallReply attach =
                enter(victim, victim.tcs, RuntimeAbi.ECALL_ATTACH, attachRequest(victimImage, nonce, victim.tcs));
        assertThat(attach.ok()).as(attach.message()).isTrue();
        assertThat(enter(victim, victim.tcs, RuntimeAbi.ECALL_CHALLENGE, new byte[0])
                        .orThrow("challenge"))
                .as("the attach spent the challenge")
                .isNotEqualTo(nonce);
    }

    /**
     * Two containers race to attach on the same free TCS, each with valid credentials of its own: exactly one wins,
     * the other is refused, and the winner's session works.
     */
    @Test
    void twoAttachesRacingForOneFreeTcsBindExactlyOne() throws Exception {
        ContainerImage imageA = image("racer-a", "cat", null);
        ContainerImage imageB = image("racer-b", "cat", null);
        Container a = start(imageA);
        Container b = start(imageB);
        long free = controller.inspect(a.enclaveId()).stream()
                .filter(x -> x.state() == TcsTable.State.FREE)
                .findFirst()
                .orElseThrow()
                .tcsAddress();
        for (int round = 0; round < 20; round++) {
            byte[] nonce =
                    enter(a, free, RuntimeAbi.ECALL_CHALLENGE, new byte[0]).orThrow("challenge");
            byte[] attachA = attachRequest(imageA, nonce, free);
            byte[] attachB = attachRequest(imageB, nonce, free);
            Future<EcallReply> ra = a.process.start(ctx -> nested(a, ctx, free, RuntimeAbi.ECALL_ATTACH, attachA));
            Future<EcallReply> rb = b.process.start(ctx -> nested(b, ctx, free, RuntimeAbi.ECALL_ATTACH, attachB));
            EcallReply first = outcome(ra);
            EcallReply second = outcome(rb);
            // The loser found the TCS busy (EENTER faulted: the other was inside), found it bound, or signed a
            // challenge the winner's bind had spent.
            assertThat(java.util.stream.Stream.of(first, second).filter(r -> r != null && r.ok()))
                    .as("round " + round)
                    .hasSize(1);
            boolean aWon = first != null && first.ok();
            Container winner = aWon ? a : b;
            Wire.Reader won = new Wire.Reader((aWon ? first : second).body());
            won.u32("instance");
            byte[] token = won.fixed(32, "token");
            EcallReply stats = enter(winner, free, RuntimeAbi.ECALL_STATS, token);
            assertThat(stats.ok()).as(stats.message()).isTrue();
            assertThat(enter(winner, free, RuntimeAbi.ECALL_DETACH, token).ok()).isTrue();
        }
    }

    /** The reply of an entry made on another thread, or null if its EENTER itself faulted (the TCS was busy). */
    private static EcallReply outcome(Future<EcallReply> entry) throws Exception {
        try {
            return entry.get(20, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            return null;
        }
    }

    /** Pre-auth calls give nothing away: a bound TCS and a free one answer a wrong session alike. */
    @Test
    void aWrongSessionGetsTheSameAnswerOnABoundTcsAndOnAFreeOne() {
        Container a = start("a", "cat");
        Container b = start("b", "cat");
        long freeTcs = controller.inspect(a.enclaveId()).stream()
                .filter(x -> x.state() == TcsTable.State.FREE)
                .findFirst()
                .orElseThrow()
                .tcsAddress();
        byte[] wrong = new byte[32];
        EcallReply onBound = enter(b, a.tcs, RuntimeAbi.ECALL_STATS, wrong);
        EcallReply onFree = enter(b, freeTcs, RuntimeAbi.ECALL_STATS, wrong);
        assertThat(onBound.status()).isEqualTo(RuntimeAbi.E_NOT_ATTACHED).isEqualTo(onFree.status());
        assertThat(onBound.message()).isEqualTo(onFree.message());
        assertThat(enter(b, a.tcs, RuntimeAbi.ECALL_STATS, new byte[0]).status())
                .as("STATS needs a session")
                .isEqualTo(RuntimeAbi.E_INVALID);
    }

    /**
     * Finding 3: Errors thrown by app code end that call cleanly (E_CRASHED), tear the container down and give the
     * TCS back. Before the fix each one abandoned the thread and quarantined a TCS; the enclave has 4, and 8
     * Errors here would leave it none.
     */
    @ParameterizedTest
    @EnumSource(Mode.class)
    void errorsFromAppCodeEndTheContainerAndNeverCostATcs(Mode mode) {
        Container bystander = start(image("bystander", "cat", null), mode);
        for (String error : List.of("oom", "stack", "linkage", "assert", "oom", "stack", "linkage", "assert")) {
            Container t = start(image("thrower-" + error + "-" + started.size(), "thrower", null), mode);
            Container.Outcome o = manager.invoke(t, error.getBytes(StandardCharsets.UTF_8));
            assertThat(o.status()).as(error + ": " + o.error()).isEqualTo(RuntimeAbi.E_CRASHED);
            assertThat(manager.invoke(t, "again".getBytes(StandardCharsets.UTF_8))
                            .status())
                    .as("the container was torn down")
                    .isEqualTo(RuntimeAbi.E_NOT_ATTACHED);
            manager.stop(t);
        }
        if (mode == Mode.SHARED) {
            assertThat(controller.inspect(bystander.enclaveId()))
                    .noneMatch(x -> x.state() == TcsTable.State.QUARANTINED);
        }
        assertThat(manager.run(bystander).stdoutText()).isEqualTo("secret of bystander");
    }

    /** A container's memory_limit is enforced inside the enclave; the others keep working with their data. */
    @ParameterizedTest
    @EnumSource(Mode.class)
    void aContainerPastItsMemoryLimitEndsAloneAndTheOthersKeepTheirData(Mode mode) {
        Container counter = start(image("counter", "forker", null), mode);
        assertThat(manager.run(counter).stdoutText()).isEqualTo("1");
        Container hog = start(image("hog", "hog", "64K"), mode); // asks for 128 KiB
        Container.Outcome o = manager.run(hog);
        assertThat(o.status()).as(o.error()).isEqualTo(RuntimeAbi.E_NO_MEMORY);
        assertThat(o.error()).contains("memory limit").contains("16 pages");
        Container roomy = start(image("roomy", "hog", "256K"), mode);
        assertThat(manager.run(roomy).stdoutText()).isEqualTo("32 pages\n");
        byte[] stats = manager.call(roomy, RuntimeAbi.ECALL_STATS, new byte[0]).orThrow("stats");
        Wire.Reader r = new Wire.Reader(stats);
        assertThat(r.u32("pages")).isEqualTo(32);
        assertThat(r.u32("limit")).isEqualTo(64);
        assertThat(manager.run(counter).stdoutText())
                .as("the counter kept its state")
                .isEqualTo("2");
    }

    /**
     * A copy-on-write space's size often comes from the host (kv's OPEN); one no heap can back is refused before its
     * page table is made, instead of costing the runtime's own memory (2^40 bytes: a 2 GiB page table before).
     */
    @Test
    void aCopyOnWriteSpaceLargerThanTheEnclaveHeapIsRefused() {
        Container c = start("spacer", "spacer");
        assertThat(manager.invoke(c, Long.toString(1L << 40).getBytes(StandardCharsets.UTF_8))
                        .stdoutText())
                .startsWith("refused: ")
                .contains("larger than the enclave heap");
        assertThat(manager.invoke(c, "65536".getBytes(StandardCharsets.UTF_8)).stdoutText())
                .isEqualTo("ok 65536");
    }

    /** Fork children end with their parent: revoking a container revokes every copy of its identity. */
    @Test
    void forkChildrenEndWithTheirParent() {
        Container parent = start("parent", "forker");
        assertThat(manager.run(parent).stdoutText()).isEqualTo("1");
        Container child = manager.fork(parent);
        started.add(child);
        assertThat(manager.run(child).stdoutText()).isEqualTo("2");
        assertThat(manager.call(parent, RuntimeAbi.ECALL_DETACH, new byte[0]).ok())
                .isTrue();
        Container.Outcome afterParentLeft = manager.run(child);
        assertThat(afterParentLeft.status()).as(afterParentLeft.error()).isEqualTo(RuntimeAbi.E_NOT_ATTACHED);
    }

    /**
     * The runtime never re-binds a live TCS, so a container whose process died without detaching would keep its
     * TCS bound for good; the kernel detaches it with the token it can read when the TCS is handed on.
     */
    @Test
    void aTcsWhoseContainerDiedWithoutDetachingServesTheNextContainer() {
        Container dead = start("dead", "cat");
        long enclaveId = dead.enclaveId();
        dead.process.exit(); // killed: no DETACH reached the runtime
        int free = (int) controller.inspect(enclaveId).stream()
                .filter(x -> x.state() == TcsTable.State.FREE)
                .count();
        for (int i = 0; i < free; i++) {
            Container next = start("next-" + i, "cat"); // one of them gets the dead container's TCS
            assertThat(manager.run(next).stdoutText()).isEqualTo("secret of next-" + i);
        }
    }

    private static byte[] attachRequest(ContainerImage image, byte[] nonce, long tcs) throws Exception {
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign(image.attachKey());
        s.update(RuntimeAbi.attachStatement(
                nonce, tcs - ContainerManager.ENCLAVE_BASE, image.manifest().digest()));
        return new Wire.Writer()
                .blob(image.policy())
                .blob(image.manifest().canonicalBytes())
                .blob(s.sign())
                .toBytes();
    }
}
