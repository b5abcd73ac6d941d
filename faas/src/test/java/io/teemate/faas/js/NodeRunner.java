package io.teemate.faas.js;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs an action under the real {@code node} the way OpenWhisk's Node.js runtime runs plain code (CommonJS scope,
 * {@code main} called with the parameters, its promise awaited), and returns the result's JSON: the expected output
 * the enclave's answer is compared with.
 */
final class NodeRunner {
    private static final String RUNNER = """
            const fs = require('fs');
            const [code, params, env] = process.argv.slice(1).map((f) => fs.readFileSync(f, 'utf8'));
            Object.assign(process.env, JSON.parse(env));
            const module = { exports: {} };
            const main = new Function('exports', 'require', 'module', code + '\\n;return main;')(module.exports, require, module);
            Promise.resolve(main(JSON.parse(params))).then((r) => process.stdout.write(JSON.stringify(r)));
            """;

    private NodeRunner() {}

    static String run(Path dir, String code, String params, Map<String, String> env)
            throws IOException, InterruptedException {
        Path c = Files.writeString(dir.resolve("action.js"), code);
        Path p = Files.writeString(dir.resolve("params.json"), params);
        Path e = Files.writeString(
                dir.resolve("env.json"), new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(env));
        Process node = new ProcessBuilder("node", "-e", RUNNER, c.toString(), p.toString(), e.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        byte[] out = node.getInputStream().readAllBytes();
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).as("node finished").isTrue();
        assertThat(node.exitValue()).as("node's exit status").isZero();
        return new String(out, StandardCharsets.UTF_8);
    }
}
