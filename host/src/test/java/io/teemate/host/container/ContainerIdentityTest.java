package io.teemate.host.container;

import io.teemate.abi.RuntimeAbi;
import io.teemate.abi.Wire;
import io.teemate.abi.image.ContainerPolicy;
import io.teemate.host.controller.TeeMateController;
import io.teemate.host.driver.SgxDriver;
import io.teemate.host.kernel.Kernel;
import io.teemate.sgx.Machine;
import io.teemate.sgx.sign.SigningKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Container identity beyond the paper: the kernel is hostile here. It swaps TCSs between containers, replays
 * attaches, and hands over policies of another owner; the runtime refuses, and never gives out another
 * container's data or keys.
 */
class ContainerIdentityTest {
    @TempDir
    Path dir;

    private final Machine machine =
            Machine.builder().epcMiB(32).logicalProcessors(2).seed(5).build();
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

    private ContainerImage image(String name) {
        if (images == null) {
            images = new ImageFixture(dir);
            enclave = images.enclave("rt", "128K", false, 4, "cat");
        }
        return images.container(
                enclave, name, "cat", List.of(name + ".txt"), Map.of(name + ".txt", "secret of " + name));
    }

    private Container start(ContainerImage image, Mode mode) {
        Container c = manager.start(image, mode);
        started.add(c);
        return c;
    }

    /** The hostile kernel enters {@code tcs} from {@code via}'s process with a request of its choosing. */
    private static EcallReply enter(Container via, long tcs, long ecall, byte[] request) {
        return via.process.run(
                ctx -> via.channel.ecall(ctx, ecall, request, (t, aep, exits) -> t.eenter(tcs, aep, exits)));
    }

    private static byte[] withToken(Container c, byte[] args) {
        return new Wire.Writer().bytes(c.sessionToken).bytes(args).toBytes();
    }

    private byte[] seal(Container c, String text) {
        return manager.call(
                        c,
                        RuntimeAbi.ECALL_SEAL,
                        new Wire.Writer()
                                .blob(text.getBytes(StandardCharsets.UTF_8))
                                .toBytes())
                .orThrow("seal");
    }

    private EcallReply unseal(Container c, byte[] blob) {
        return manager.call(
                c, RuntimeAbi.ECALL_UNSEAL, new Wire.Writer().blob(blob).toBytes());
    }

    @Test
    void aSwappedTcsAnswersOnlyToTheSessionOfTheContainerBoundToIt() {
        Container a = start(image("a"), Mode.SHARED);
        Container b = start(image("b"), Mode.SHARED);
        byte[] secretOfA = seal(a, "a's data");
        // The kernel hands a's TCS to b's process: b's session does not open it.
        EcallReply swapped = enter(
                b,
                a.tcs,
                RuntimeAbi.ECALL_UNSEAL,
                withToken(b, new Wire.Writer().blob(secretOfA).toBytes()));
        assertThat(swapped.status()).isEqualTo(RuntimeAbi.E_NOT_ATTACHED);
        assertThat(swapped.message()).contains("no container of this session");
        EcallReply fileOfA = enter(
                b,
                a.tcs,
                RuntimeAbi.ECALL_READ_FILE,
                withToken(b, new Wire.Writer().string("a.txt").toBytes()));
        assertThat(fileOfA.status()).isEqualTo(RuntimeAbi.E_NOT_ATTACHED);
        // Through its own TCS, b's key does not open a's blob either.
        assertThat(unseal(b, secretOfA).status()).isEqualTo(RuntimeAbi.E_SEAL);
        assertThat(new String(unseal(a, secretOfA).orThrow("unseal"), StandardCharsets.UTF_8))
                .isEqualTo("a's data");
    }

    @Test
    void aReplayedAttachIsRefusedOnTheSameTcsAndOnAnother() throws Exception {
        ContainerImage imageA = image("a");
        Container a = start(imageA, Mode.SHARED);
        Container b = start(image("b"), Mode.SHARED);
        manager.call(a, RuntimeAbi.ECALL_DETACH, new byte[0]).orThrow("detach"); // a's TCS is free again
        byte[] nonce = enter(a, a.tcs, RuntimeAbi.ECALL_CHALLENGE, new byte[0]).orThrow("challenge");
        byte[] attach = attachRequest(imageA, nonce, a.tcs);
        assertThat(enter(a, a.tcs, RuntimeAbi.ECALL_ATTACH, attach).ok())
                .as("the genuine attach")
                .isTrue();

        enter(a, a.tcs, RuntimeAbi.ECALL_CHALLENGE, new byte[0]).orThrow("challenge");
        EcallReply again = enter(a, a.tcs, RuntimeAbi.ECALL_ATTACH, attach);
        assertThat(again.status()).isEqualTo(RuntimeAbi.E_REFUSED);
        assertThat(again.message()).contains("replayed or forged");

        enter(b, b.tcs, RuntimeAbi.ECALL_CHALLENGE, new byte[0]).orThrow("challenge");
        assertThat(enter(b, b.tcs, RuntimeAbi.ECALL_ATTACH, attach).status()).isEqualTo(RuntimeAbi.E_REFUSED);
        assertThat(unseal(b, seal(b, "b still works")).ok())
                .as("b's own session survives the refused replay")
                .isTrue();
    }

    @Test
    void anAttachWithoutAChallengeIsRefused() throws Exception {
        ContainerImage imageA = image("a");
        Container a = start(imageA, Mode.SHARED);
        manager.call(a, RuntimeAbi.ECALL_DETACH, new byte[0]).orThrow("detach");
        EcallReply r = enter(a, a.tcs, RuntimeAbi.ECALL_ATTACH, attachRequest(imageA, new byte[32], a.tcs));
        assertThat(r.status()).isEqualTo(RuntimeAbi.E_REFUSED);
        assertThat(r.message()).contains("replayed or forged");
    }

    @Test
    void aPolicyOfAnotherOwnerOrWithoutTheContainerIsRefused() {
        ContainerImage genuine = image("a");
        ContainerImage otherOwner = new ContainerImage(
                genuine.manifestFile(),
                genuine.manifest(),
                genuine.enclave(),
                ContainerPolicy.sign(
                                SigningKey.generate(),
                                genuine.enclave().mrEnclave(),
                                List.of(genuine.manifest().digest()),
                                1)
                        .toBytes(),
                genuine.attachKey());
        assertThatThrownBy(() -> start(otherOwner, Mode.SHARED))
                .isInstanceOf(ContainerException.class)
                .hasMessageContaining("E_REFUSED")
                .hasMessageContaining("MRSIGNER");
        ContainerImage notListed = new ContainerImage(
                genuine.manifestFile(),
                genuine.manifest(),
                genuine.enclave(),
                ContainerPolicy.sign(ImageFixture.OWNER, genuine.enclave().mrEnclave(), List.of(new byte[32]), 1)
                        .toBytes(),
                genuine.attachKey());
        assertThatThrownBy(() -> start(notListed, Mode.SHARED)).hasMessageContaining("not in the enclave's policy");
        assertThat(manager.run(start(genuine, Mode.SHARED)).stdoutText()).isEqualTo("secret of a");
    }

    @Test
    void anOlderPolicyIsRefusedOnceANewerOneWasAccepted() {
        ContainerImage genuine = image("a");
        byte[] mr = genuine.enclave().mrEnclave();
        List<byte[]> allowed = List.of(genuine.manifest().digest());
        ContainerImage v2 = new ContainerImage(
                genuine.manifestFile(),
                genuine.manifest(),
                genuine.enclave(),
                ContainerPolicy.sign(ImageFixture.OWNER, mr, allowed, 2).toBytes(),
                genuine.attachKey());
        ContainerImage v1 = new ContainerImage(
                genuine.manifestFile(),
                genuine.manifest(),
                genuine.enclave(),
                ContainerPolicy.sign(ImageFixture.OWNER, mr, allowed, 1).toBytes(),
                genuine.attachKey());
        start(v1, Mode.SHARED);
        start(v2, Mode.SHARED);
        assertThatThrownBy(() -> start(v1, Mode.SHARED))
                .hasMessageContaining("policy version 1 is older than version 2");
    }

    @Test
    void sealedDataOpensForTheSameContainerInAnEnclaveOfTheSameImageOnly() throws Exception {
        ContainerImage imageA = image("a");
        Container first = start(imageA, Mode.CONVENTIONAL);
        byte[] blob = seal(first, "persisted");
        Container second = start(imageA, Mode.CONVENTIONAL); // another enclave instance, same MRENCLAVE
        assertThat(new String(unseal(second, blob).orThrow("unseal"), StandardCharsets.UTF_8))
                .isEqualTo("persisted");

        Files.writeString(enclave, Files.readString(enclave).replace("128K", "256K")); // another enclave image
        ContainerImage sameContainerOtherEnclave = ContainerImage.load(imageA.manifestFile(), ImageFixture.OWNER);
        assertThat(sameContainerOtherEnclave.manifest().digest())
                .isEqualTo(imageA.manifest().digest());
        assertThat(sameContainerOtherEnclave.enclave().mrEnclave())
                .isNotEqualTo(imageA.enclave().mrEnclave());
        Container elsewhere = start(sameContainerOtherEnclave, Mode.CONVENTIONAL);
        assertThat(unseal(elsewhere, blob).status()).isEqualTo(RuntimeAbi.E_SEAL);
    }

    @Test
    void buffersInsideTheEnclaveAreRefused() {
        Container a = start(image("a"), Mode.SHARED);
        long inside = ContainerManager.ENCLAVE_BASE + 4096;
        long status = a.process.run(ctx -> {
            var r = ctx.lp().registers();
            r.set(io.teemate.sgx.struct.GprSgx.RDI, RuntimeAbi.ECALL_STATS);
            r.set(io.teemate.sgx.struct.GprSgx.RSI, RuntimeChannel.BUFFERS);
            r.set(io.teemate.sgx.struct.GprSgx.RDX, 0);
            r.set(io.teemate.sgx.struct.GprSgx.R8, inside); // the host asks the enclave to write over its own pages
            r.set(io.teemate.sgx.struct.GprSgx.R9, 4096);
            r.set(io.teemate.sgx.struct.GprSgx.R10, RuntimeChannel.BUFFERS);
            r.set(io.teemate.sgx.struct.GprSgx.R11, 4096);
            a.lease.enter(ctx, RuntimeChannel.AEP, ctx.exits());
            return r.get(io.teemate.sgx.struct.GprSgx.RAX);
        });
        assertThat(status).isEqualTo(RuntimeAbi.E_INVALID);
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
