package io.teemate.faas.abi;

import io.teemate.abi.Wire;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WasmAbiTest {
    @Property(tries = 200)
    void anInvocationDecodesToWhatWasEncoded(@ForAll Map<String, String> params, @ForAll byte[] body) {
        WasmAbi.Request r = WasmAbi.decodeInvocation(WasmAbi.encodeInvocation(params, body));
        assertThat(r.prepareOnly()).isFalse();
        assertThat(r.params()).isEqualTo(params);
        assertThat(r.body()).isEqualTo(body);
    }

    @Test
    void emptyInputOnlyPreparesAndUnframedInputIsTheBody() {
        assertThat(WasmAbi.decodeInvocation(new byte[0]).prepareOnly()).isTrue();
        byte[] plain = "hello".getBytes(StandardCharsets.UTF_8);
        WasmAbi.Request r = WasmAbi.decodeInvocation(plain);
        assertThat(r.prepareOnly()).isFalse();
        assertThat(r.params()).isEmpty();
        assertThat(r.body()).isEqualTo(plain);
    }

    @Test
    void aCutFrameIsMalformed() {
        byte[] framed = WasmAbi.encodeInvocation(Map.of("K", "v"), "body".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> WasmAbi.decodeInvocation(Arrays.copyOf(framed, framed.length - 1)))
                .isInstanceOf(Wire.MalformedException.class)
                .hasMessageContaining("body");
    }

    @Test
    void reservedAndMalformedParameterNamesAreNamed() {
        assertThat(WasmAbi.parameterNameProblem("NAME")).isNull();
        assertThat(WasmAbi.parameterNameProblem("TEEMATE_TIMEOUT_MS")).contains("reserved");
        assertThat(WasmAbi.parameterNameProblem("A=B")).contains("'='");
        assertThat(WasmAbi.parameterNameProblem("")).contains("empty");
    }
}
