package io.teemate.faas.js;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A zipped Node.js action as OpenWhisk's docs describe one (docs/actions-nodejs.md, "Packaging an action as a
 * Node.js module"): package.json with a main, the action's files, and an npm package under node_modules that the
 * action requires. The same files are written to a directory for node to run, so the expected answer is node's.
 */
final class NodePackage {
    /** The files, by path in the archive. */
    static final Map<String, String> FILES = new LinkedHashMap<>();

    static {
        FILES.put(
                "package.json",
                "{\"name\": \"greeter-action\", \"version\": \"1.0.0\", \"main\": \"index.js\","
                        + " \"dependencies\": {\"pad-start-lite\": \"1.0.0\"}}\n");
        FILES.put("index.js", """
                const pad = require('pad-start-lite');
                exports.main = function (params) {
                  return { padded: pad(String(params.n), 5, '0') };
                };
                """);
        FILES.put("other.js", """
                const pad = require('pad-start-lite');
                const { version } = require('./package.json');
                exports.niam = function (params) {
                  console.log('niam called for', params.name);
                  return { hello: pad(params.name, 8, '*'), version, pkg: pad.pkgName };
                };
                """);
        FILES.put(
                "node_modules/pad-start-lite/package.json",
                "{\"name\": \"pad-start-lite\", \"version\": \"1.0.0\", \"main\": \"lib/pad.js\"}\n");
        FILES.put("node_modules/pad-start-lite/lib/pad.js", """
                'use strict';
                function pad(s, n, c) {
                  s = String(s);
                  while (s.length < n) s = c + s;
                  return s;
                }
                pad.pkgName = 'pad-start-lite';
                module.exports = pad;
                """);
    }

    private NodePackage() {}

    static byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("node_modules/"));
            zip.closeEntry();
            for (Map.Entry<String, String> f : FILES.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The package unpacked in {@code dir}, for node. */
    static Path unpack(Path dir) {
        try {
            for (Map.Entry<String, String> f : FILES.entrySet()) {
                Path p = dir.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /**
     * What node answers for {@code module}'s export {@code fn} called with {@code params} (JSON):
     * {@code {"result": ..., "logs": [..]}}, console.log collected as lines the way the enclave's log has them.
     */
    static String nodeAnswer(Path dir, String module, String fn, String params) {
        return Node.run(
                dir,
                "const logs = []; console.log = console.error = (...a) => logs.push(a.join(' '));"
                        + " const result = require('./" + module + "')." + fn + "(" + params + ");"
                        + " process.stdout.write(JSON.stringify({result, logs}));");
    }
}
