package io.teemate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teemate.abi.image.ContainerManifest;
import io.teemate.abi.image.ContainerPolicy;
import io.teemate.abi.image.EnclaveImageLayout;
import io.teemate.abi.image.EnclaveManifest;
import io.teemate.abi.image.SigningKeys;
import io.teemate.enclave.apps.WordCount;
import io.teemate.enclave.runtime.TrustedRuntime;
import io.teemate.sgx.Machine;
import io.teemate.sgx.loader.BareMetalLoader;
import io.teemate.sgx.mmu.MapPageTable;
import io.teemate.sgx.program.CodeImage;
import io.teemate.sgx.sign.SigStructBuilder;
import io.teemate.sgx.sign.SigningKey;
import io.teemate.sgx.struct.Attributes;
import io.teemate.sgx.struct.SigStruct;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code teemate sign} end to end: what it prints is what the machine's EINIT accepts, and bad input writes nothing. */
class SignCommandTest {
    private static final Path HELLO = Path.of("..", "examples", "images", "hello");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path keys;

    private static Path key;

    @TempDir
    Path dir;

    @BeforeAll
    static void ownerKey() {
        key = keys.resolve("owner.pem");
        SigningKeys.write(key, SigningKey.generate());
    }

    record Run(int exit, String out, String err) {
        String hex(String label) {
            Matcher m = Pattern.compile("(?m)^" + label + "\\s+([0-9a-f]{64})$").matcher(out);
            assertThat(m.find()).as(label + " in\n" + out).isTrue();
            return m.group(1);
        }
    }

    static Run teemate(Object... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cmd = Teemate.commandLine();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        String[] strings = Stream.of(args).map(Object::toString).toArray(String[]::new);
        int exit = cmd.execute(strings);
        return new Run(exit, out.toString(), err.toString());
    }

    private void copyHello() throws IOException {
        try (Stream<Path> files = Files.walk(HELLO)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = dir.resolve(HELLO.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private List<String> outputs() throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".sigstruct")
                            || n.endsWith(".policy")
                            || (n.endsWith(".pem") && !n.endsWith(".key.pem")))
                    .forEach(names::add); // not attach keys
        }
        return names;
    }

    @Test
    void signsTheExampleAndTheMachineInitializesIt() throws IOException {
        copyHello();
        Path manifest = dir.resolve("enclave.json");
        Path sigFile = dir.resolve("hello.sigstruct");
        Path policyFile = dir.resolve("hello.policy");
        Run r = teemate(
                "sign",
                "--key",
                key,
                "--output",
                sigFile,
                manifest,
                "--policy",
                dir.resolve("container.json"),
                "--policy-output",
                policyFile,
                "--policy-version",
                7);
        assertThat(r.exit()).as(r.err()).isZero();
        String mrEnclave = r.hex("MRENCLAVE");
        String mrSigner = r.hex("MRSIGNER");

        // MRENCLAVE is the layout's, computed here independently of the command and its linker: from the program
        // object the example's manifest describes (the runtime with the wordcount app).
        EnclaveImageLayout layout = EnclaveImageLayout.build(
                EnclaveManifest.load(manifest), CodeImage.of(new TrustedRuntime(List.of(new WordCount()))));
        assertThat(mrEnclave).isEqualTo(HexFormat.of().formatHex(layout.mrEnclave()));
        assertThat(mrSigner).isEqualTo(HexFormat.of().formatHex(SigStructBuilder.mrSigner(SigningKeys.read(key))));

        byte[] bytes = Files.readAllBytes(sigFile);
        assertThat(bytes).hasSize(1808);
        SigStruct sig = SigStruct.fromBytes(bytes);
        assertThat(HexFormat.of().formatHex(sig.enclaveHash())).isEqualTo(mrEnclave);
        assertThat(HexFormat.of().formatHex(sig.mrSigner())).isEqualTo(mrSigner);
        assertThat(sig.attributes().has(Attributes.DEBUG))
                .as("the manifest says debug")
                .isTrue();
        assertThat(sig.isvProdId()).isEqualTo((short) 1);
        assertThat(sig.isvSvn()).isEqualTo((short) 1);

        // EINIT checks the signature, the measurement and the signer: the enclave initializes.
        Machine machine =
                Machine.builder().epcMiB(8).logicalProcessors(1).seed(3).build();
        var enclave = new BareMetalLoader(machine)
                .load(machine.processor(0), layout.layout(), sig, 1L << 36, new MapPageTable());
        assertThat(enclave.tcsAddresses()).hasSize(4);

        ContainerPolicy policy = ContainerPolicy.parse(Files.readAllBytes(policyFile));
        byte[] container = ContainerManifest.load(dir.resolve("container.json")).digest();
        assertThat(policy.verifiedFor(sig.enclaveHash(), sig.mrSigner())).isTrue();
        assertThat(policy.allows(container)).isTrue();
        assertThat(policy.version()).isEqualTo(7);
        assertThat(r.out())
                .contains("container  hello-wordcount: " + HexFormat.of().formatHex(container))
                .contains("SGX1: all added before EINIT")
                .contains("DEBUG enclave");
    }

    @Test
    void generatesAKeyOnceAndSignsReproduciblyWithIt() throws IOException {
        copyHello();
        Path manifest = dir.resolve("enclave.json");
        Path newKey = dir.resolve("new.pem");
        Run first = teemate("sign", "--key", newKey, "--generate-key", "--date", "2026-11-25", manifest);
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("generated " + newKey);
        byte[] sigstruct = Files.readAllBytes(dir.resolve("enclave.sigstruct"));

        Run again = teemate("sign", "--key", newKey, "--date", "2026-11-25", manifest);
        assertThat(again.exit()).isZero();
        assertThat(again.hex("MRENCLAVE")).isEqualTo(first.hex("MRENCLAVE"));
        assertThat(again.hex("MRSIGNER")).isEqualTo(first.hex("MRSIGNER"));
        assertThat(Files.readAllBytes(dir.resolve("enclave.sigstruct")))
                .as("RSASSA-PKCS1-v1_5 is deterministic")
                .isEqualTo(sigstruct);

        Run refused = teemate("sign", "--key", newKey, "--generate-key", manifest);
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains(newKey + ": already exists");
        assertThat(SigStructBuilder.mrSigner(SigningKeys.read(newKey)))
                .as("the key is untouched")
                .isEqualTo(HexFormat.of().parseHex(first.hex("MRSIGNER")));
    }

    private Run signEdited(String file, java.util.function.Consumer<ObjectNode> edit, Object... more)
            throws IOException {
        copyHello();
        Path p = dir.resolve(file);
        ObjectNode root = (ObjectNode) JSON.readTree(p.toFile());
        edit.accept(root);
        Files.writeString(p, root.toPrettyString());
        List<Object> args = new ArrayList<>(List.of("sign", "--key", key, dir.resolve("enclave.json")));
        args.addAll(List.of(more));
        return teemate(args.toArray());
    }

    private void assertRefused(Run r, String... fragments) throws IOException {
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith("teemate sign: ").contains(fragments);
        assertThat(r.out()).doesNotContain("MRENCLAVE");
        assertThat(outputs()).as("nothing written").isEmpty();
    }

    @Test
    void aBadManifestIsRefusedWithTheFieldNamed() throws IOException {
        assertRefused(
                signEdited("enclave.json", m -> m.put("heap_size", "12Q")),
                "enclave.json: heap_size: \"12Q\" is not a size (use bytes or K/M/G)");
    }

    @Test
    void anUnknownRuntimeIsRefused() throws IOException {
        assertRefused(
                signEdited("enclave.json", m -> m.put("runtime", "gramine")),
                "enclave.json: runtime: unknown runtime \"gramine\" (known: teemate)");
    }

    @Test
    void aTooSmallEnclaveSizeIsRefused() throws IOException {
        assertRefused(
                signEdited("enclave.json", m -> m.put("enclave_size", "64K")),
                "enclave.json: enclave_size: 64K is too small");
    }

    @Test
    void aTrustedFileThatChangedIsRefused() throws IOException {
        copyHello();
        Files.writeString(dir.resolve("stopwords.txt"), "changed");
        assertRefused(
                teemate("sign", "--key", key, dir.resolve("enclave.json")),
                "enclave.json: trusted_files[0].sha256: stopwords.txt has SHA-256 ");
    }

    @Test
    void aContainerThatDoesNotFitIsRefused() throws IOException {
        assertRefused(
                signEdited("container.json", c -> c.put("entry", "redis"), "--policy", dir.resolve("container.json")),
                "container.json: entry: \"redis\" is not one of the enclave image's apps [wordcount]");
        copyHello();
        Files.writeString(dir.resolve("data/words.txt"), "changed");
        assertRefused(
                teemate("sign", "--key", key, dir.resolve("enclave.json"), "--policy", dir.resolve("container.json")),
                "container.json: files[0].sha256: data/words.txt has SHA-256");
    }

    @Test
    void aContainerForAnotherEnclaveIsRefused() throws IOException {
        copyHello();
        Files.copy(dir.resolve("enclave.json"), dir.resolve("other.json"));
        Path c = dir.resolve("container.json");
        Files.writeString(
                c,
                ((ObjectNode) JSON.readTree(c.toFile()))
                        .put("enclave_image", "other.json")
                        .toString());
        assertRefused(
                teemate("sign", "--key", key, dir.resolve("enclave.json"), "--policy", c),
                "container.json: enclave_image: points to ",
                "not to the enclave being signed");
    }

    @Test
    void aKeyThatIsNotAnSgxKeyIsRefused() throws IOException {
        copyHello();
        Path notAKey = dir.resolve("notakey.txt");
        Files.writeString(notAKey, "hello");
        assertRefused(teemate("sign", "--key", notAKey, dir.resolve("enclave.json")), notAKey + ": not a PEM file");
    }
}
