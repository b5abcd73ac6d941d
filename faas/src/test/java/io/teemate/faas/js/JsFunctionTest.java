package io.teemate.faas.js;

import io.teemate.faas.host.EnclaveFunctionPlatform;
import io.teemate.faas.host.FunctionSpec;
import io.teemate.faas.host.Invocation;
import io.teemate.host.container.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

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

    /**
     * A zipped action found through its root package.json's main (OpenWhisk's default), requiring a package from its
     * node_modules by name and a file of its own by relative path; and an archive of garbage after the zip magic is
     * refused at /init with a reason.
     */
    @Test
    void aZippedActionRunsFromItsPackageJsonMain() throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            for (String[] f : new String[][] {
                {"package.json", "{\"name\":\"a\",\"main\":\"lib/entry.js\"}"},
                {
                    "lib/entry.js",
                    "const pad = require('left-pad'); const util = require('./util');"
                            + " exports.main = (p) => ({padded: pad(p.s, 6, '*'), twice: util.twice(p.s)});"
                },
                {"lib/util.js", "exports.twice = (s) => s + s;"},
                {"node_modules/left-pad/package.json", "{\"name\":\"left-pad\"}"},
                {
                    "node_modules/left-pad/index.js",
                    "module.exports = (s, n, c) => c.repeat(Math.max(0, n - s.length)) + s;"
                }
            }) {
                z.putNextEntry(new ZipEntry(f[0]));
                z.write(f[1].getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        try (EnclaveFunctionPlatform p = EnclaveFunctionPlatform.create(Mode.SHARED, dir, JsPlatforms.options())) {
            p.deploy(FunctionSpec.nodejs("zipped", zip.toByteArray(), null, Map.of(), 0, 0));
            Invocation i = p.invoke("zipped", "{\"s\":\"ab\"}".getBytes(StandardCharsets.UTF_8), Map.of());
            assertThat(new String(i.output(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"padded\":\"****ab\",\"twice\":\"abab\"}");
            byte[] garbage = {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8};
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> p.deploy(FunctionSpec.nodejs("garbage", garbage, null, Map.of(), 0, 0)))
                    .hasMessageContaining("not a valid zip");
        }
    }
}
