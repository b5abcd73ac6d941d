package io.teemate.faas.js;

import io.teemate.faas.host.EnclaveFunctionPlatform;
import io.teemate.faas.host.FunctionSpec;
import io.teemate.faas.host.Invocation;
import io.teemate.host.container.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsFunctionTest {
    @TempDir
    Path dir;

    @Test
    void aPlainActionRunsInTheSharedEnclave() {
        try (EnclaveFunctionPlatform p = EnclaveFunctionPlatform.create(Mode.SHARED, dir, JsPlatforms.options())) {
            p.deploy(FunctionSpec.nodejs(
                    "hello",
                    "function main(params) { console.log('hi', params.name); return {greeting: 'Hello ' + params.name}; }"
                            .getBytes(StandardCharsets.UTF_8),
                    null,
                    Map.of(),
                    0,
                    0));
            Invocation i = p.invoke("hello", "{\"name\":\"enclave\"}".getBytes(StandardCharsets.UTF_8), Map.of());
            assertThat(new String(i.output(), StandardCharsets.UTF_8)).isEqualTo("{\"greeting\":\"Hello enclave\"}");
            assertThat(i.log()).isEqualTo("hi enclave\n");
            assertThat(i.exitCode()).isZero();
        }
    }
}
