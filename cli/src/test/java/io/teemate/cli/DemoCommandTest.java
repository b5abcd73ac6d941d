package io.teemate.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code teemate demo} end to end, small: every claim it prints is checked by the machine and kernel underneath. */
class DemoCommandTest {
    @Test
    void theDemoBuildsEntersAndAttestsAnEnclave() {
        StringWriter out = new StringWriter();
        var cmd = Teemate.commandLine();
        cmd.setOut(new PrintWriter(out));
        int exit = cmd.execute("demo", "--heap-mib", "1", "--ecalls", "20", "--seed", "5");
        String text = out.toString();
        assertThat(exit).as(text).isZero();
        assertThat(text).contains("-> SUCCESS")
                .contains("verified inside the enclave (EGETKEY report key + AES-CMAC): yes")
                .contains("one REPORTDATA bit flipped: rejected")
                .contains("on another machine (other fuse keys) checks it: rejected")
                .contains("through the worker's TCS, the creator's report verifies: yes")
                .contains("the enclave lives on for worker[2]: alive, and the report still verifies there: yes")
                .contains("the enclave is released and its EPC freed: yes")
                .containsPattern("no ECREATE, EADD or EINIT: modeled +0\\.000 ms")
                .doesNotContain("bug!");
        Matcher signed = Pattern.compile("   MRENCLAVE ([0-9a-f]{64})").matcher(text);
        Matcher reported = Pattern.compile("   MRENCLAVE  ([0-9a-f]{64})").matcher(text);
        assertThat(signed.find()).isTrue();
        assertThat(reported.find()).isTrue();
        assertThat(reported.group(1)).as("the report carries the signed measurement").isEqualTo(signed.group(1));
        assertThat(text).as("1 report, 2 + 2 verifications, 20 empty ecalls").containsPattern("EEXIT\\s+25\\s");
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
