package io.teemate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code teemate sgx measure}: the known-answer layout, and every kind of bad layout refused with exit 2. */
class MeasureCommandTest {
    /** From sgx/src/test/resources/kat/mrenclave_kat.py, an implementation independent of this code base. */
    private static final String KAT = "6e8defc4f00d645a3798001dbe93965809c8f7a94247770cd90ea1b24daca6b4";

    private static final Path EXAMPLE = Path.of("..", "examples", "sgx-layout", "kat.json");

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    static Run measure(Path layout, String... options) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cmd = Teemate.commandLine();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("sgx", "measure"));
        args.addAll(java.util.List.of(options));
        args.add(layout.toString());
        int exit = cmd.execute(args.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void theExampleLayoutMeasuresToTheIndependentVector() {
        Run r = measure(EXAMPLE);
        assertThat(r.exit()).isZero();
        assertThat(r.lastLine()).isEqualTo(KAT).matches("[0-9a-f]{64}");
        assertThat(r.out()).contains("5 EADD + 64 EEXTEND");
    }

    /** The line before MRENCLAVE, e.g. {@code modeled build: 0.123 ms (gold-6348)}. */
    private static String modeledLine(Run r) {
        String[] lines = r.out().strip().split("\n");
        assertThat(lines.length).as(r.out()).isGreaterThanOrEqualTo(2);
        return lines[lines.length - 2];
    }

    @Test
    void theModeledBuildIsPrintedOnTheDefaultPlatformRightBeforeMrenclave() {
        Run r = measure(EXAMPLE);
        assertThat(r.exit()).isZero();
        assertThat(modeledLine(r)).matches("modeled build: [0-9]+\\.[0-9]{3} ms \\(gold-6348\\)");
        assertThat(r.lastLine()).isEqualTo(KAT);
    }

    @Test
    void thePlatformPricesTheBuildButNeverChangesMrenclave() {
        Run gold = measure(EXAMPLE, "--platform", "gold-6348");
        Run goldAgain = measure(EXAMPLE, "--platform", "gold-6348");
        Run e2276g = measure(EXAMPLE, "--platform", "E-2276G");
        for (Run r : new Run[] {gold, goldAgain, e2276g}) {
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.lastLine()).isEqualTo(KAT);
            assertThat(r.out()).contains("5 EADD + 64 EEXTEND");
        }
        assertThat(modeledLine(gold)).endsWith("ms (gold-6348)");
        assertThat(modeledLine(e2276g)).endsWith("ms (e-2276g)");
        // The same build on the same part is priced the same, to the printed digit; another clock prices it otherwise.
        assertThat(modeledLine(goldAgain)).isEqualTo(modeledLine(gold));
        assertThat(millis(modeledLine(e2276g))).isNotEqualTo(millis(modeledLine(gold)));
        assertThat(millis(modeledLine(gold))).isPositive();
    }

    private static double millis(String modeledLine) {
        return Double.parseDouble(modeledLine.replaceAll("modeled build: ([0-9.]+) ms .*", "$1"));
    }

    @Test
    void theHelpListsThePlatformsAndTheDefault() {
        StringWriter out = new StringWriter();
        var cmd = Teemate.commandLine();
        cmd.setOut(new PrintWriter(out));
        assertThat(cmd.execute("sgx", "measure", "--help")).isZero();
        String help = out.toString().replaceAll("\\s+", " ");
        assertThat(help)
                .contains("--platform=NAME")
                .contains(io.teemate.sgx.cost.PlatformProfile.ids())
                .contains("(default: gold-6348)")
                .contains("docs/cost-model.md");
    }

    @Test
    void anUnknownPlatformIsAUsageErrorListingTheNames() {
        Run r = measure(EXAMPLE, "--platform", "nosuch");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--platform", "nosuch", io.teemate.sgx.cost.PlatformProfile.ids());
        assertThat(r.out()).doesNotContainPattern("[0-9a-f]{64}");
    }

    /** The example, changed by {@code edit}, written to a temp dir next to a copy of its code file. */
    private Path variant(Consumer<ObjectNode> edit) throws IOException {
        ObjectNode root = (ObjectNode) new ObjectMapper().readTree(EXAMPLE.toFile());
        edit.accept(root);
        Files.copy(
                EXAMPLE.resolveSibling("code.bin"),
                dir.resolve("code.bin"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path p = dir.resolve("layout.json");
        Files.writeString(p, root.toString());
        return p;
    }

    private static ObjectNode page(ObjectNode root, int i) {
        return (ObjectNode) root.get("pages").get(i);
    }

    private void assertRefused(Consumer<ObjectNode> edit, String... fragments) throws IOException {
        Run r = measure(variant(edit));
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(fragments);
        assertThat(r.out()).doesNotContainPattern("[0-9a-f]{64}");
    }

    @Test
    void aCopyInAnotherDirectoryMeasuresTheSame() throws IOException {
        assertThat(measure(variant(root -> {})).lastLine()).isEqualTo(KAT);
    }

    @Test
    void overlappingPagesAreRefused() throws IOException {
        assertRefused(root -> page(root, 2).put("offset", 4096), "page 2", "overlaps page 1");
    }

    @Test
    void unalignedOffsetsAreRefused() throws IOException {
        assertRefused(root -> page(root, 3).put("offset", 12300), "page 3", "not a non-negative multiple of 4096");
    }

    @Test
    void aSizeThatIsNotAPowerOfTwoIsRefused() throws IOException {
        assertRefused(root -> root.put("size", 65536 + 4096), "size 69632 is not a power of two");
    }

    @Test
    void aPageOutsideTheRangeIsRefused() throws IOException {
        assertRefused(root -> page(root, 4).put("offset", 65536), "page 4", "outside the enclave");
    }

    @Test
    void aTcsWithPermissionsIsRefused() throws IOException {
        assertRefused(root -> page(root, 0).put("flags", "RW"), "page 0", "TCS page takes no permissions");
    }

    @Test
    void contentOfTheWrongLengthIsRefused() throws IOException {
        assertRefused(root -> page(root, 2).put("base64", "AAAA"), "page 2", "3 bytes, a page is exactly 4096");
        assertRefused(root -> page(root, 1).put("fileOffset", 4097), "page 1", "do not fit");
    }

    @Test
    void malformedFieldsAreNamed() throws IOException {
        assertRefused(root -> page(root, 1).put("flags", "RQ"), "page 1", "flags", "Q");
        assertRefused(root -> page(root, 1).put("type", "SECS"), "page 1", "type SECS cannot be added");
        assertRefused(root -> page(root, 1).put("type", "CODE"), "page 1", "\"CODE\" is not REG or TCS");
        assertRefused(root -> page(root, 4).put("fill", 256), "page 4", "fill 256");
        assertRefused(root -> page(root, 4).put("colour", "red"), "page 4", "unknown field \"colour\"");
        assertRefused(root -> page(root, 4).remove("measure"), "page 4", "\"measure\"");
        assertRefused(root -> page(root, 4).put("file", "code.bin"), "page 4", "exactly one of");
        assertRefused(root -> ((ArrayNode) root.get("pages")).add("page"), "page 5", "must be an object");
    }

    @Test
    void aFileThatIsNotJsonIsRefused() throws IOException {
        Path p = dir.resolve("broken.json");
        Files.writeString(p, "{\"size\": ");
        Run r = measure(p);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("not valid JSON");
    }
}
