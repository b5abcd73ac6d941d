package io.teemate.kv.enclave;

import io.teemate.abi.Wire;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** KvAbi.COMMANDS: the container hands the host its engine's whole command table, in name order. */
class KvAppCommandsTest {
    @Test
    void theReplyIsEveryDeclarationInNameOrder() {
        Wire.Reader r = new Wire.Reader(KvApp.commands());
        List<List<Object>> got = new ArrayList<>();
        for (long n = r.u32("commands"); n > 0; n--) {
            got.add(List.of(
                    r.string("name"),
                    (int) r.u32("arity"),
                    (int) r.u32("first"),
                    (int) r.u32("last"),
                    (int) r.u32("step"),
                    (int) r.u32("flags")));
        }
        r.end();
        List<List<Object>> expected = new ArrayList<>();
        CommandEngine.commandSpecs()
                .values()
                .forEach(s -> expected.add(
                        List.of(s.name(), s.arity(), s.firstKey(), s.lastKey(), s.step(), KvApp.flagBits(s))));
        assertThat(got).isEqualTo(expected).hasSize(CommandTableTest.ENGINE_COMMANDS.size());
        // negative values survive the u32 fields; bit 0 is WRITE, which the host's CLIENT PAUSE WRITE reads
        assertThat(got)
                .contains(List.of(
                        "mset",
                        -3,
                        1,
                        -1,
                        2,
                        KvApp.flagBits(CommandEngine.commandSpecs().get("mset"))));
        assertThat(KvApp.flagBits(CommandEngine.commandSpecs().get("mset")) & 1).isEqualTo(1);
        assertThat(CommandSpec.Flag.WRITE.ordinal()).isZero();
    }
}
