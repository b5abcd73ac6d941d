package io.teemate.abi.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class EnclaveManifestTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HASH = "b4d2ae92c4a6750755358f19ad844db3451fb2a6af9d90045bd1f53e4398d13e";

    @TempDir
    Path dir;

    @Test
    void theExampleParses() {
        EnclaveManifest m = EnclaveManifest.load(Examples.ENCLAVE);
        assertThat(m.name()).isEqualTo("hello");
        assertThat(m.runtime()).isEqualTo("teemate");
        assertThat(m.apps()).containsExactly("wordcount");
        assertThat(m.threads()).isEqualTo(4);
        assertThat(m.heapSize()).isEqualTo(1 << 20);
        assertThat(m.edmm()).isFalse();
        assertThat(m.heapInitial()).as("SGX1 adds the whole heap").isEqualTo(1 << 20);
        assertThat(m.enclaveSize()).as("absent: the smallest that fits").isZero();
        assertThat(m.trustedFiles()).extracting(TrustedFile::path).containsExactly("stopwords.txt");
        assertThat(m.trustedFiles().get(0).sha256Hex()).isEqualTo(HASH);
        assertThat(m.isvProdId()).isEqualTo(1);
        assertThat(m.isvSvn()).isEqualTo(1);
        assertThat(m.debug()).isTrue();
        m.verifyTrustedFiles(Examples.ENCLAVE);
    }

    @Test
    void optionalFieldsTakeTheirDefaults() {
        EnclaveManifest m = EnclaveManifest.parse("""
                {"name": "x", "threads": 1, "runtime": "teemate", "apps": ["a"], "heap_size": 8192}""", "x.json");
        assertThat(m)
                .isEqualTo(new EnclaveManifest(
                        "x", 0, 1, 1, 2, "teemate", List.of("a"), 8192, false, 8192, List.of(), 0, 0, false));
    }

    @Test
    void edmmHeapStartsEmptyUnlessHeapInitialIsGiven() {
        String base = """
                {"name": "x", "threads": 2, "runtime": "teemate", "apps": ["a"], "heap_size": "16M", "edmm": true%s}""";
        EnclaveManifest empty = EnclaveManifest.parse(base.formatted(""), "x.json");
        assertThat(empty.heapInitial()).isZero();
        assertThat(empty.heapMaxPages()).isEqualTo(4096);
        EnclaveManifest some = EnclaveManifest.parse(
                base.formatted(", \"heap_initial\": \"256K\", \"enclave_size\": \"64M\""), "x.json");
        assertThat(some.heapInitialPages()).isEqualTo(64);
        assertThat(some.enclaveSize()).isEqualTo(64L << 20);
    }

    private static ObjectNode good() {
        try {
            return (ObjectNode) JSON.readTree(Examples.read(Examples.ENCLAVE));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Arguments broken(String field, String fragment, Consumer<ObjectNode> edit) {
        return arguments(field, fragment, edit);
    }

    static Stream<Arguments> brokenManifests() {
        return Stream.of(
                broken("heap_size", "\"12Q\" is not a size (use bytes or K/M/G)", m -> m.put("heap_size", "12Q")),
                broken("heap_size", "is missing", m -> m.remove("heap_size")),
                broken("heap_size", "1000 is not a positive multiple of 4K", m -> m.put("heap_size", 1000)),
                broken("heap_size", "true is not a size", m -> m.put("heap_size", true)),
                broken("heap_size", "-4096 is not a size", m -> m.put("heap_size", -4096)),
                broken("enclave_size", "48K is not a power of two", m -> m.put("enclave_size", "48K")),
                broken("enclave_size", "0 is not a power of two", m -> m.put("enclave_size", 0)),
                broken("enclave_size", "\"big\" is not a size", m -> m.put("enclave_size", "big")),
                broken("threads", "must be a whole number from 1 to 4096, got 0", m -> m.put("threads", 0)),
                broken("threads", "got \"4\"", m -> m.put("threads", "4")),
                broken("threads", "got 1.5", m -> m.put("threads", 1.5)),
                broken("threads", "is missing", m -> m.remove("threads")),
                broken("ssa_frame_size", "from 1 to 256, got 0", m -> m.put("ssa_frame_size", 0)),
                broken("nssa", "from 1 to 64, got 65", m -> m.put("nssa", 65)),
                broken("name", "must be a string, got 7", m -> m.put("name", 7)),
                broken("name", "must not be empty", m -> m.put("name", "")),
                broken("name", "is missing", m -> m.remove("name")),
                broken("runtime", "is missing", m -> m.remove("runtime")),
                broken("apps", "must list at least one application", m -> m.putArray("apps")),
                broken("apps", "is missing", m -> m.remove("apps")),
                broken("apps", "must be a list of strings, got \"wordcount\"", m -> m.put("apps", "wordcount")),
                broken("apps[1]", "must be a string, got 3", m -> ((ArrayNode) m.get("apps")).add(3)),
                broken("apps[1]", "\"wordcount\" is listed twice", m -> ((ArrayNode) m.get("apps")).add("wordcount")),
                broken(
                        "apps[0]",
                        "\"word count\" is not an application name",
                        m -> m.putArray("apps").add("word count")),
                broken("edmm", "must be true or false, got \"yes\"", m -> m.put("edmm", "yes")),
                broken("heap_initial", "only with \"edmm\": true", m -> m.put("heap_initial", "4K")),
                broken(
                        "heap_initial",
                        "2M is more than heap_size 1M",
                        m -> m.put("edmm", true).put("heap_initial", "2M")),
                broken(
                        "heap_initial",
                        "6K is not a multiple of 4K",
                        m -> m.put("edmm", true).put("heap_initial", "6K")),
                broken("isv_svn", "from 0 to 65535, got 65536", m -> m.put("isv_svn", 65536)),
                broken("isv_prod_id", "from 0 to 65535, got -1", m -> m.put("isv_prod_id", -1)),
                broken("debug", "must be true or false, got null", m -> m.putNull("debug")),
                broken("heap_sise", "unknown field (expected one of [apps, debug,", m -> m.put("heap_sise", "1M")),
                broken("trusted_files", "must be a list, got an object", m -> m.putObject("trusted_files")),
                broken(
                        "trusted_files[0]",
                        "must be a JSON object, got \"stopwords.txt\"",
                        m -> m.putArray("trusted_files").add("stopwords.txt")),
                broken(
                        "trusted_files[0].sha256",
                        "is not a SHA-256 (64 hex digits, got 63 characters)",
                        m -> file(m).put("sha256", HASH.substring(1))),
                broken(
                        "trusted_files[0].sha256",
                        "\"" + HASH.replace('b', 'g') + "\" is not a SHA-256",
                        m -> file(m).put("sha256", HASH.replace('b', 'g'))),
                broken("trusted_files[0].sha256", "is missing", m -> file(m).remove("sha256")),
                broken(
                        "trusted_files[0].path",
                        "\"/etc/passwd\" must be a relative path",
                        m -> file(m).put("path", "/etc/passwd")),
                broken(
                        "trusted_files[0].path",
                        "must stay inside the manifest's directory",
                        m -> file(m).put("path", "../x")),
                broken(
                        "trusted_files[0].size",
                        "unknown field (expected one of [path, sha256])",
                        m -> file(m).put("size", 3)),
                broken(
                        "trusted_files[1].path",
                        "\"stopwords.txt\" is listed twice",
                        m -> ((ArrayNode) m.get("trusted_files")).add(file(m).deepCopy())));
    }

    private static ObjectNode file(ObjectNode m) {
        return (ObjectNode) m.get("trusted_files").get(0);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("brokenManifests")
    void aBrokenFieldIsNamedInTheError(String field, String fragment, Consumer<ObjectNode> edit) {
        ObjectNode m = good();
        edit.accept(m);
        var e = catchThrowableOfType(
                ManifestException.class, () -> EnclaveManifest.parse(m.toPrettyString(), "enclave.json"));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.source()).isEqualTo("enclave.json");
        assertThat(e.getMessage()).startsWith("enclave.json: " + field + ": ").contains(fragment);
    }

    @Test
    void theIssuesExampleMessage() {
        ObjectNode m = good().put("heap_size", "12Q");
        assertThatThrownBy(() -> EnclaveManifest.parse(m.toString(), "enclave.json"))
                .hasMessage("enclave.json: heap_size: \"12Q\" is not a size (use bytes or K/M/G)");
    }

    @Test
    void textThatIsNotAJsonObjectIsRefusedWithoutAJacksonStackTrace() {
        var broken = catchThrowableOfType(
                ManifestException.class, () -> EnclaveManifest.parse("{\"name\": \"x\",\n  \"threads\": }", "e.json"));
        assertThat(broken.getMessage())
                .startsWith("e.json: not valid JSON (line 2, column")
                .doesNotContain("com.fasterxml");
        assertThat(broken.getCause()).isNull();
        assertThatThrownBy(() -> EnclaveManifest.parse("[1, 2]", "e.json"))
                .hasMessage("e.json: must be a JSON object, got a list");
        assertThatThrownBy(() -> EnclaveManifest.parse("", "e.json")).hasMessageStartingWith("e.json: is empty");
        assertThatThrownBy(() -> EnclaveManifest.parse("{\"threads\": 1, \"threads\": 2}", "e.json"))
                .hasMessageStartingWith("e.json: not valid JSON")
                .hasMessageContaining("threads");
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> EnclaveManifest.load(dir.resolve("nope.json")))
                .isInstanceOf(ManifestException.class)
                .hasMessageStartingWith("nope.json: cannot read");
    }

    @Test
    void trustedFilesMustExistAndMatchTheirHash() throws IOException {
        Examples.copyHello(dir);
        Path manifest = dir.resolve("enclave.json");
        EnclaveManifest m = EnclaveManifest.load(manifest);
        m.verifyTrustedFiles(manifest);

        Files.writeString(dir.resolve("stopwords.txt"), "a\nan\nthe\nof\n");
        assertThatThrownBy(() -> m.verifyTrustedFiles(manifest))
                .isInstanceOf(ManifestException.class)
                .hasMessageStartingWith("enclave.json: trusted_files[0].sha256: stopwords.txt has SHA-256 ")
                .hasMessageEndingWith("the manifest says " + HASH);

        Files.delete(dir.resolve("stopwords.txt"));
        assertThatThrownBy(() -> m.verifyTrustedFiles(manifest))
                .hasMessageStartingWith("enclave.json: trusted_files[0].path: file ")
                .hasMessageEndingWith("stopwords.txt does not exist");
    }

    @Test
    void trustedFileHashHelperMatchesTheManifest() {
        assertThat(TrustedFile.hash(Examples.HELLO, "stopwords.txt").sha256Hex())
                .isEqualTo(HASH);
        assertThat(TrustedFile.hash(Examples.HELLO, "data/words.txt"))
                .isEqualTo(ContainerManifest.parse(Examples.read(Examples.CONTAINER), "c.json")
                        .files()
                        .get(0));
        assertThatThrownBy(() -> TrustedFile.hash(Examples.HELLO, "../hello/stopwords.txt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inside the manifest's directory");
    }

    @Test
    void canonicalBytesRoundTripAndRejectTampering() {
        EnclaveManifest m = EnclaveManifest.load(Examples.ENCLAVE);
        byte[] b = m.canonicalBytes();
        assertThat(EnclaveManifest.fromCanonicalBytes(b)).isEqualTo(m);
        assertThatThrownBy(() -> EnclaveManifest.fromCanonicalBytes(java.util.Arrays.copyOf(b, b.length - 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("truncated");
        assertThatThrownBy(() -> EnclaveManifest.fromCanonicalBytes(java.util.Arrays.copyOf(b, b.length + 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("after its end");
        byte[] badBool = b.clone();
        badBool[badBool.length - 1] = 2;
        assertThatThrownBy(() -> EnclaveManifest.fromCanonicalBytes(badBool))
                .hasMessageContaining("is a boolean, got 2");
    }

    @Provide
    Arbitrary<EnclaveManifest> manifests() {
        Arbitrary<String> names =
                Arbitraries.strings().ofMinLength(1).ofMaxLength(12).alpha().numeric();
        Arbitrary<TrustedFile> files = Combinators.combine(
                        names, Arbitraries.bytes().array(byte[].class).ofSize(32))
                .as((p, h) -> new TrustedFile("d/" + p, h));
        Arbitrary<Long> heapPages = Arbitraries.longs().between(1, 1 << 16);
        return Combinators.combine(
                        names,
                        Arbitraries.integers().between(1, 64),
                        Arbitraries.integers().between(1, 4),
                        names.list().ofMinSize(1).ofMaxSize(4).uniqueElements(),
                        heapPages,
                        Arbitraries.of(true, false),
                        files.list().ofMaxSize(3).uniqueElements(TrustedFile::path),
                        Arbitraries.integers().between(0, 65535))
                .as((name, threads, nssa, apps, pages, edmm, tf, svn) -> new EnclaveManifest(
                        name,
                        0,
                        threads,
                        1,
                        nssa,
                        "teemate",
                        apps,
                        pages * 4096,
                        edmm,
                        edmm ? (pages / 2) * 4096 : pages * 4096,
                        tf,
                        svn,
                        svn,
                        edmm));
    }

    @Property(tries = 200)
    void everyManifestSurvivesItsCanonicalEncoding(@ForAll("manifests") EnclaveManifest m) {
        assertThat(EnclaveManifest.fromCanonicalBytes(m.canonicalBytes())).isEqualTo(m);
        assertThat(HexFormat.of().formatHex(m.canonicalBytes(), 0, 8))
                .isEqualTo(HexFormat.of().formatHex("TMENCL01".getBytes()));
    }
}
