package io.teemate.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.teemate.cli.SignCommandTest.teemate;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code teemate run} and {@code teemate keygen} on the example image. */
class RunCommandTest {
    private static final Path HELLO = Path.of("..", "examples", "images", "hello", "container.json");
    private static final String WC = "      2      12      59 data/words.txt";

    @TempDir
    Path dir;

    @Test
    void theExampleRunsSharedAndConventionallyWithTheSameOutput() {
        SignCommandTest.Run shared = teemate("run", HELLO, "--mode", "shared", "--count", "2");
        SignCommandTest.Run conventional = teemate("run", HELLO, "--mode", "conventional", "--count", "2");
        assertThat(shared.exit()).as(shared.err()).isZero();
        assertThat(conventional.exit()).as(conventional.err()).isZero();
        for (SignCommandTest.Run r : new SignCommandTest.Run[] {shared, conventional}) {
            assertThat(r.out().lines().filter(WC::equals)).hasSize(2);
            assertThat(r.out()).contains("| container | process | enclave | runtime init | first entry |");
            assertThat(r.out())
                    .as("the heap each container holds, against the example's memory_limit of 256K")
                    .containsPattern("\\| \\d+ / 64 \\|");
        }
        long sharedPages = totalPages(shared.out());
        assertThat(sharedPages).isPositive();
        assertThat(totalPages(conventional.out()))
                .as("two enclaves against one")
                .isEqualTo(2 * sharedPages);
    }

    private static long totalPages(String out) {
        var m = java.util.regex.Pattern.compile("all enclaves together: (\\d+) pages")
                .matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void thePlatformIsNamedOnTheModeledFiguresAndPricesThemOtherwise() {
        SignCommandTest.Run gold = teemate("run", HELLO, "--mode", "conventional");
        SignCommandTest.Run e2276g = teemate("run", HELLO, "--mode", "conventional", "--platform", "e-2276g");
        assertThat(gold.exit()).as(gold.err()).isZero();
        assertThat(e2276g.exit()).as(e2276g.err()).isZero();
        assertThat(gold.out())
                .contains("modeled = the work priced as gold-6348")
                .contains("times in ms as wall / modeled (gold-6348)");
        assertThat(e2276g.out())
                .contains("modeled = the work priced as e-2276g")
                .contains("times in ms as wall / modeled (e-2276g)");
        assertThat(modeledEnclaveMs(e2276g.out()))
                .as("the same enclave build on another part")
                .isNotEqualTo(modeledEnclaveMs(gold.out()));
    }

    /** The modeled half of the enclave column of the first container's row. */
    private static String modeledEnclaveMs(String out) {
        var m = java.util.regex.Pattern.compile("\\| pid \\d+ \\| [0-9.]+ / [0-9.]+ \\| [0-9.]+ / ([0-9.]+) \\|")
                .matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return m.group(1);
    }

    @Test
    void anUnknownPlatformIsAUsageErrorListingTheNames() {
        SignCommandTest.Run r = teemate("run", HELLO, "--platform", "nosuch");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--platform", "nosuch", io.teemate.sgx.cost.PlatformProfile.ids());
    }

    @Test
    void aBadModeOrCountIsNamed() {
        SignCommandTest.Run mode = teemate("run", HELLO, "--mode", "sideways");
        assertThat(mode.exit()).isEqualTo(2);
        assertThat(mode.err()).contains("mode \"sideways\" is not one of: conventional, shared");
        assertThat(teemate("run", HELLO, "--count", "0").err()).contains("--count 0");
    }

    @Test
    void aContainerWithoutAnAttachKeyIsRefusedUntilKeygenGivesItOne() throws Exception {
        Path enclave = dir.resolve("enclave.json");
        Files.copy(HELLO.resolveSibling("enclave.json"), enclave);
        Files.copy(HELLO.resolveSibling("stopwords.txt"), dir.resolve("stopwords.txt"));
        Path container = dir.resolve("c.json");
        Files.writeString(
                container,
                "{\"name\": \"c\", \"enclave_image\": \"enclave.json\", \"entry\": \"wordcount\", \"args\": []}");
        SignCommandTest.Run refused = teemate("run", container);
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("attach_key").contains("c.key.pem");
        SignCommandTest.Run keygen = teemate("keygen", container);
        assertThat(keygen.exit()).isZero();
        assertThat(Files.readString(container)).contains("\"attach_key\"");
        assertThat(teemate("run", container).exit()).isZero();
        assertThat(teemate("keygen", container).out()).contains("already has an attach key");
    }

    @Test
    void runWritesAQuoteThatTheVerifyCommandItPrintsAccepts() {
        String nonce = "ab".repeat(32);
        SignCommandTest.Run run = teemate("run", HELLO, "--quote-dir", dir, "--nonce", nonce);
        assertThat(run.exit()).as(run.err()).isZero();
        var m = java.util.regex.Pattern.compile("(?m)^  teemate (attest verify .*)$")
                .matcher(run.out());
        assertThat(m.find()).as(run.out()).isTrue();
        String[] verify = m.group(1).split(" ");
        SignCommandTest.Run ok = teemate((Object[]) verify);
        assertThat(ok.exit()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out())
                .contains("all 11 checks passed")
                .contains("PASS QE identity")
                .contains("as expected, ISVPRODID 1");
        String[] otherNonce = m.group(1).replace(nonce, "cd".repeat(32)).split(" ");
        SignCommandTest.Run stale = teemate((Object[]) otherNonce);
        assertThat(stale.exit()).isEqualTo(1);
        assertThat(stale.out()).contains("FAIL REPORTDATA");
        assertThat(teemate("run", HELLO, "--nonce", nonce).err()).contains("--nonce is the challenge for --quote-dir");
    }
}
