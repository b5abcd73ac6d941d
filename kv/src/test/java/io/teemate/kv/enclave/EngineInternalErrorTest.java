package io.teemate.kv.enclave;

import org.junit.jupiter.api.Test;

import static io.teemate.kv.enclave.KvRig.OK;
import static io.teemate.kv.enclave.KvRig.bulk;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An engine bug must fail only the command that met it: the client gets a generic error with an id, the detail
 * (exception class and message) is kept for the operator under the same id, and the database goes on.
 */
class EngineInternalErrorTest {
    final KvRig kv = new KvRig();

    /** Gives {@code key}'s entry a value type no code knows: the next write to it meets "corrupt keyspace". */
    private void corruptType(String key) {
        long e = kv.ks.find(key.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        kv.ks.setValue(e, 99, kv.ks.valueRef(e));
    }

    @Test
    void aRuntimeExceptionAnswersAGenericErrorWithAnIdAndTheDetailIsKeptForTheOperator() {
        kv.cmd("SET important data");
        kv.cmd("SET broken v");
        corruptType("broken");

        String reply = kv.cmd("SET broken w");

        assertThat(reply).matches("-ERR internal error \\(id \\d+\\)\r\n");
        assertThat(reply).doesNotContain("Exception").doesNotContain("corrupt").doesNotContain("java");
        long id = Long.parseLong(reply.replaceAll("\\D", ""));
        var errors = kv.engine.takeInternalErrors();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).id()).isEqualTo(id);
        assertThat(errors.get(0).detail()).contains("IllegalStateException").contains("corrupt keyspace");
        assertThat(kv.engine.takeInternalErrors()).isEmpty();

        assertThat(kv.cmd("PING")).isEqualTo("+PONG\r\n");
        assertThat(kv.cmd("GET important")).isEqualTo(bulk("data"));
        assertThat(kv.cmd("SET other x")).isEqualTo(OK);

        String again = kv.cmd("SET broken w");
        assertThat(again).matches("-ERR internal error \\(id \\d+\\)\r\n").isNotEqualTo(reply);
    }

    @Test
    void theOperatorsRecordIsBounded() {
        kv.cmd("SET broken v");
        corruptType("broken");
        for (int i = 0; i < 1000; i++) {
            kv.cmd("SET broken w");
        }
        var errors = kv.engine.takeInternalErrors();
        assertThat(errors).hasSizeLessThanOrEqualTo(CommandEngine.MAX_INTERNAL_ERRORS_KEPT);
        assertThat(errors.get(errors.size() - 1).id()).isEqualTo(1000); // the newest are kept
    }
}
