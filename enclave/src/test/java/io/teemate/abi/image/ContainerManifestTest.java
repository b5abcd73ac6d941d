package io.teemate.abi.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ContainerManifestTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WORDS = "a976936ffe8f242763f4f6183282381db5005f36abe213d3fb4b86e7a6b959eb";

    @TempDir
    Path dir;

    @Test
    void theExampleLoadsAndResolvesItsEnclaveImage() {
        ContainerManifest c = ContainerManifest.load(Examples.CONTAINER);
        assertThat(c.name()).isEqualTo("hello-wordcount");
        assertThat(c.enclaveImage()).isEqualTo("enclave.json");
        assertThat(c.entry()).isEqualTo("wordcount");
        assertThat(c.args()).containsExactly("data/words.txt");
        assertThat(c.env()).containsExactly(Map.entry("LANG", "C.UTF-8"), Map.entry("WORDCOUNT_TOP", "3"));
        assertThat(c.files())
                .containsExactly(
                        new TrustedFile("data/words.txt", HexFormat.of().parseHex(WORDS)));
        assertThat(c.enclaveManifestPath(Examples.CONTAINER))
                .isEqualTo(Examples.ENCLAVE.toAbsolutePath().normalize());
        c.verifyFiles(Examples.CONTAINER);
        assertThat(c.digest()).hasSize(32).isEqualTo(ContainerManifest.digestOf(c.canonicalBytes()));
    }

    private static ObjectNode good() {
        try {
            return (ObjectNode) JSON.readTree(Examples.read(Examples.CONTAINER));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static Stream<Arguments> brokenManifests() {
        return Stream.of(
                arguments("entry", "is missing", (Consumer<ObjectNode>) m -> m.remove("entry")),
                arguments("entry", "\"../sh\" is not an application name", (Consumer<ObjectNode>)
                        m -> m.put("entry", "../sh")),
                arguments("enclave_image", "\"/abs/enclave.json\" must be a relative path", (Consumer<ObjectNode>)
                        m -> m.put("enclave_image", "/abs/enclave.json")),
                arguments("args", "must be a list of strings, got \"data/words.txt\"", (Consumer<ObjectNode>)
                        m -> m.put("args", "data/words.txt")),
                arguments("args[0]", "contains a NUL character", (Consumer<ObjectNode>)
                        m -> m.putArray("args").add("a\u0000b")),
                arguments("env.LANG", "must be a string, got 1", (Consumer<ObjectNode>)
                        m -> ((ObjectNode) m.get("env")).put("LANG", 1)),
                arguments("env.A=B", "\"A=B\" is not an environment variable name", (Consumer<ObjectNode>)
                        m -> ((ObjectNode) m.get("env")).put("A=B", "x")),
                arguments("env", "must be an object of strings, got a list", (Consumer<ObjectNode>)
                        m -> m.putArray("env")),
                arguments("files[0].sha256", "is not a SHA-256", (Consumer<ObjectNode>)
                        m -> ((ObjectNode) m.get("files").get(0)).put("sha256", "00")),
                arguments("files[0].path", "\"\" ", (Consumer<ObjectNode>)
                        m -> ((ObjectNode) m.get("files").get(0)).put("path", "")),
                arguments("files[1].path", "\"data/words.txt\" is listed twice", (Consumer<ObjectNode>)
                        m -> ((com.fasterxml.jackson.databind.node.ArrayNode) m.get("files"))
                                .add(m.get("files").get(0).deepCopy())),
                arguments("signing_key", "unknown field", (Consumer<ObjectNode>) m -> m.put("signing_key", "k.pem")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("brokenManifests")
    void aBrokenFieldIsNamedInTheError(String field, String fragment, Consumer<ObjectNode> edit) {
        ObjectNode m = good();
        edit.accept(m);
        var e = catchThrowableOfType(
                ManifestException.class, () -> ContainerManifest.parse(m.toString(), "container.json"));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.getMessage()).startsWith("container.json: " + field + ": ");
        if (!fragment.equals("\"\" ")) {
            assertThat(e.getMessage()).contains(fragment);
        }
    }

    @Test
    void theEntryMustBeOneOfTheEnclaveImagesApps() throws IOException {
        Examples.copyHello(dir);
        Files.writeString(
                dir.resolve("container.json"), good().put("entry", "redis").toString());
        assertThatThrownBy(() -> ContainerManifest.load(dir.resolve("container.json")))
                .isInstanceOf(ManifestException.class)
                .hasMessage("container.json: entry: \"redis\" is not one of the enclave image's apps [wordcount]");
    }

    @Test
    void theEnclaveImageMustExistAndBeValid() throws IOException {
        Examples.copyHello(dir);
        Files.writeString(
                dir.resolve("container.json"),
                good().put("enclave_image", "missing/enclave.json").toString());
        assertThatThrownBy(() -> ContainerManifest.load(dir.resolve("container.json")))
                .hasMessageStartingWith("container.json: enclave_image: file ")
                .hasMessageEndingWith("does not exist");
        Files.writeString(dir.resolve("container.json"), good().toString());
        Files.writeString(dir.resolve("enclave.json"), "{\"name\": \"x\"}");
        assertThatThrownBy(() -> ContainerManifest.load(dir.resolve("container.json")))
                .hasMessage("enclave.json: threads: is missing");
    }

    @Test
    void filesAreVerifiedAgainstTheirHashes() throws IOException {
        Examples.copyHello(dir);
        Path manifest = dir.resolve("container.json");
        ContainerManifest c = ContainerManifest.load(manifest);
        Files.writeString(dir.resolve("data/words.txt"), "tampered");
        assertThatThrownBy(() -> c.verifyFiles(manifest))
                .hasMessageStartingWith("container.json: files[0].sha256: data/words.txt has SHA-256 ");
    }

    /** The manifest's JSON with every object's keys shuffled and random whitespace between tokens. */
    private static String rewritten(JsonNode node, Random random) {
        String ws = List.of("", " ", "\n", "\t  ", "\r\n ").get(random.nextInt(5));
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            fields.addAll(node.properties());
            Collections.shuffle(fields, random);
            StringBuilder b = new StringBuilder("{" + ws);
            for (int i = 0; i < fields.size(); i++) {
                b.append(i == 0 ? "" : "," + ws)
                        .append(JSON.valueToTree(fields.get(i).getKey()).toString())
                        .append(ws)
                        .append(':')
                        .append(ws)
                        .append(rewritten(fields.get(i).getValue(), random));
            }
            return b.append(ws).append('}').toString();
        }
        if (node.isArray()) {
            StringBuilder b = new StringBuilder("[" + ws);
            for (int i = 0; i < node.size(); i++) {
                b.append(i == 0 ? "" : "," + ws).append(rewritten(node.get(i), random));
            }
            return b.append(ws).append(']').toString();
        }
        return node.toString();
    }

    @Property(tries = 300)
    void theDigestIgnoresKeyOrderAndWhitespace(@ForAll long seed, @ForAll @IntRange(max = 6) int extraEnv) {
        ObjectNode m = good();
        ObjectNode env = (ObjectNode) m.get("env");
        for (int i = 0; i < extraEnv; i++) {
            env.put("K" + ((seed >>> (i * 4)) & 0xF) + "_" + i, "v" + i);
        }
        byte[] expected = ContainerManifest.parse(m.toString(), "c.json").digest();
        String text = rewritten(m, new Random(seed));
        assertThat(ContainerManifest.parse(text, "c.json").digest()).as(text).isEqualTo(expected);
    }

    static Stream<Arguments> changes() {
        return Stream.of(
                arguments("name", (Consumer<ObjectNode>) m -> m.put("name", "hello-wordcount2")),
                arguments("enclave_image", (Consumer<ObjectNode>) m -> m.put("enclave_image", "./enclave.json")),
                arguments("entry", (Consumer<ObjectNode>) m -> m.put("entry", "wordcount2")),
                arguments("args order", (Consumer<ObjectNode>)
                        m -> m.putArray("args").add("b").add("a")),
                arguments("an empty arg", (Consumer<ObjectNode>)
                        m -> m.putArray("args").add("data/words.txt").add("")),
                arguments("env value", (Consumer<ObjectNode>) m -> ((ObjectNode) m.get("env")).put("LANG", "C")),
                arguments("env key", (Consumer<ObjectNode>) m -> ((ObjectNode) m.get("env")).remove("LANG")),
                arguments("file hash", (Consumer<ObjectNode>)
                        m -> ((ObjectNode) m.get("files").get(0)).put("sha256", "00".repeat(32))),
                arguments("file path", (Consumer<ObjectNode>)
                        m -> ((ObjectNode) m.get("files").get(0)).put("path", "data/Words.txt")),
                // Length prefixes: moving a character from one string to the next must change the encoding.
                arguments("string boundary", (Consumer<ObjectNode>)
                        m -> m.putArray("args").add("data/words.tx").add("t")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void everyFieldIsPartOfTheIdentity(String what, Consumer<ObjectNode> edit) {
        byte[] before = ContainerManifest.parse(good().toString(), "c.json").digest();
        ObjectNode m = good();
        edit.accept(m);
        assertThat(ContainerManifest.parse(m.toString(), "c.json").digest()).isNotEqualTo(before);
    }

    @Test
    void canonicalBytesAreDocumentedAndRoundTrip() {
        ContainerManifest c = new ContainerManifest(
                "n", "e.json", "app", List.of("x"), Map.of("B", "2", "A", "1"), List.of(), new byte[0]);
        String hex = HexFormat.of().formatHex(c.canonicalBytes());
        String expected = HexFormat.of().formatHex("TMCTNR02".getBytes())
                + "01000000" + "6e" // name
                + "06000000" + HexFormat.of().formatHex("e.json".getBytes())
                + "03000000" + HexFormat.of().formatHex("app".getBytes())
                + "01000000" + "01000000" + "78" // args
                + "02000000" + "01000000" + "41" + "01000000" + "31" + "01000000" + "42" + "01000000"
                + "32" // env, sorted
                + "00000000" // files
                + "00000000" // attach_key (none)
                + "0000000000000000"; // memory_limit (none)
        assertThat(hex).isEqualTo(expected);
        ContainerManifest limited = new ContainerManifest(
                "n", "e.json", "app", List.of("x"), Map.of("B", "2", "A", "1"), List.of(), new byte[0], 64 * 1024);
        assertThat(HexFormat.of().formatHex(limited.canonicalBytes()))
                .endsWith("0000010000000000"); // 65536, little-endian
        assertThat(limited.digest()).as("the limit is part of the identity").isNotEqualTo(c.digest());
        assertThat(ContainerManifest.fromCanonicalBytes(limited.canonicalBytes()))
                .isEqualTo(limited);
        assertThat(ContainerManifest.fromCanonicalBytes(c.canonicalBytes())).isEqualTo(c);
        ContainerManifest example = ContainerManifest.load(Examples.CONTAINER);
        assertThat(ContainerManifest.fromCanonicalBytes(example.canonicalBytes()))
                .isEqualTo(example);
        assertThat(ContainerManifest.fromCanonicalBytes(example.canonicalBytes())
                        .digest())
                .isEqualTo(example.digest());
    }

    @Test
    void nonCanonicalOrMalformedBytesAreRefused() {
        ContainerManifest c = new ContainerManifest(
                "n", "e.json", "app", List.of(), Map.of("B", "2", "A", "1"), List.of(), new byte[0]);
        byte[] b = c.canonicalBytes();
        // Swap the two env entries: same manifest, but not the canonical order.
        byte[] swapped = b.clone();
        int env = b.length - 8 - 4 - 4 - 2 * 10; // before the files and attach_key counts and the memory limit
        System.arraycopy(b, env, swapped, env + 10, 10);
        System.arraycopy(b, env + 10, swapped, env, 10);
        assertThat(swapped).isNotEqualTo(b);
        assertThatThrownBy(() -> ContainerManifest.fromCanonicalBytes(swapped))
                .hasMessageContaining("not in canonical form");
        assertThatThrownBy(() -> ContainerManifest.fromCanonicalBytes(Arrays.copyOf(b, 20)))
                .hasMessageContaining("truncated");
        byte[] huge = b.clone();
        huge[8] = (byte) 0xFF;
        huge[11] = (byte) 0x7F;
        assertThatThrownBy(() -> ContainerManifest.fromCanonicalBytes(huge)).hasMessageContaining("truncated");
        byte[] wrongMagic = b.clone();
        wrongMagic[0] = 'X';
        assertThatThrownBy(() -> ContainerManifest.fromCanonicalBytes(wrongMagic))
                .hasMessageContaining("does not start with \"TMCTNR02\"");
        byte[] badUtf8 = b.clone();
        badUtf8[12] = (byte) 0xC0;
        assertThatThrownBy(() -> ContainerManifest.fromCanonicalBytes(badUtf8)).hasMessageContaining("not UTF-8");
    }
}
