package io.teemate.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code teemate demo} end to end, small: every claim it prints is checked by the machine and kernel underneath. */
class DemoCommandTest {
    @Test
    void theDemoBuildsEntersAndAttestsAnEnclaveThenRunsBothExperimentsInBothModes(@TempDir Path dir) {
        StringWriter out = new StringWriter();
        var cmd = Teemate.commandLine();
        cmd.setOut(new PrintWriter(out));
        int exit = cmd.execute(
                "demo",
                "--heap-mib",
                "1",
                "--ecalls",
                "20",
                "--seed",
                "5",
                "--functions",
                "2",
                "--keys",
                "2000",
                "--reps",
                "1",
                "--out",
                dir.toString());
        String text = out.toString();
        assertThat(exit).as(text).isZero();
        assertThat(text)
                .contains("-> SUCCESS")
                .contains("verified inside the enclave (EGETKEY report key + AES-CMAC): yes")
                .contains("one REPORTDATA bit flipped: rejected")
                .contains("on another machine (other fuse keys) checks it: rejected")
                .contains("through the worker's TCS, the creator's report verifies: yes")
                .contains("the enclave lives on for worker[2]: alive, and the report still verifies there: yes")
                .contains("the enclave is released and its EPC freed: yes")
                .containsPattern("no ECREATE, EADD or EINIT: modeled +0\\.000 ms \\(gold-6348\\) \\| wall")
                .containsPattern("   modeled +[0-9.]+ ms \\(gold-6348\\) \\| wall")
                .contains("modeled ms (gold-6348)", "priced as gold-6348 would do it")
                .doesNotContain("bug!");
        Matcher signed = Pattern.compile("   MRENCLAVE ([0-9a-f]{64})").matcher(text);
        Matcher reported = Pattern.compile("   MRENCLAVE  ([0-9a-f]{64})").matcher(text);
        assertThat(signed.find()).isTrue();
        assertThat(reported.find()).isTrue();
        assertThat(reported.group(1))
                .as("the report carries the signed measurement")
                .isEqualTo(signed.group(1));
        assertThat(text).as("1 report, 2 + 2 verifications, 20 empty ecalls").containsPattern("EEXIT\\s+25\\s");

        assertThat(text)
                .contains(
                        "[1/4] 2 cold starts of a Wasm function, conventional",
                        "[3/4] a JavaScript function in the shared enclave",
                        "invoked twice, each a new isolate from the snapshot",
                        "-> {\"valid\":true,\"alg\":\"HS256\"",
                        "[4/4] database of 2,000 keys");
        // every row of the table carries measured numbers; the shared serverless EPC is one enclave, the
        // conventional one two, and the conventional fork holds two enclaves at the snapshot's end
        Matcher serverless = Pattern.compile(
                        "serverless: 2 cold starts, mean +\\| conventional \\| +([0-9.]+) ms \\| +([0-9.]+) ms \\| +([0-9.]+) MiB")
                .matcher(text);
        assertThat(serverless.find()).as(text).isTrue();
        assertThat(Double.parseDouble(serverless.group(2)))
                .as("conventional cold start runs EADDs")
                .isPositive();
        assertThat(text)
                .containsPattern("\\| conv\\./shared \\| +[0-9.]+x \\| +[0-9.]+x \\| +2\\.0x")
                .contains("The paper (TeeMate, arXiv 2411.11423) reports")
                .contains("memory claim reproduced");
        assertThat(dir.resolve("demo-serverless-phases.png")).isNotEmptyFile();
        assertThat(dir.resolve("demo-epc.png")).isNotEmptyFile();
        assertThat(dir.resolve("kv-fork.csv")).isNotEmptyFile();
    }

    @Test
    void experimentSizesOutOfRangeAreUsageErrors() {
        StringWriter err = new StringWriter();
        var cmd = Teemate.commandLine();
        cmd.setErr(new PrintWriter(err));
        assertThat(cmd.execute("demo", "--functions", "-1")).isEqualTo(2);
        assertThat(cmd.execute("demo", "--reps", "0")).isEqualTo(2);
        assertThat(err.toString())
                .contains("--functions must be between 0 and 64")
                .contains("--reps must be between 1 and 50");
    }

    @Test
    void anUnknownPlatformIsAUsageErrorListingTheNames() {
        StringWriter err = new StringWriter();
        var cmd = Teemate.commandLine();
        cmd.setErr(new PrintWriter(err));
        assertThat(cmd.execute("demo", "--platform", "nosuch")).isEqualTo(2);
        assertThat(err.toString()).contains("--platform", "nosuch", io.teemate.sgx.cost.PlatformProfile.ids());
    }

    @Test
    void anOutOfRangeHeapIsAUsageError() {
        StringWriter err = new StringWriter();
        var cmd = Teemate.commandLine();
        cmd.setErr(new PrintWriter(err));
        assertThat(cmd.execute("demo", "--heap-mib", "-1")).isEqualTo(2);
        assertThat(err.toString()).contains("--heap-mib must be between 0 and 512");
    }
}
