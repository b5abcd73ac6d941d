package io.teemate.faas.enclave;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teemate.enclave.runtime.ContainerEnv;
import io.teemate.faas.abi.JsAbi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * A JavaScript action as its trusted file holds it: source text, or a zip archive (OpenWhisk's {@code binary}
 * action, told by its magic bytes as OpenWhisk's Node.js runner tells it) whose JavaScript and JSON files the
 * engine's CommonJS loader reads. The archive is unpacked here, in the trusted runtime, within fixed bounds: the file
 * passed the manifest's hash, but the function's owner wrote it and owners are tenants like any other.
 */
record JsAction(String source, Map<String, String> files) {
    /** OpenWhisk's limit on an action's code (48 MB); a zip's unpacked files are held to the same. */
    static final int MAX_BYTES = 48 << 20;
    /** The most entries an archive may have. */
    static final int MAX_ENTRIES = 20_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    static JsAction read(ContainerEnv env, String path) {
        byte[] bytes;
        try (InputStream in = env.openFile(path)) {
            bytes = JsApp.readBounded(in, MAX_BYTES, "the action " + path);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the action " + path, e);
        }
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            return new JsAction(null, unzip(bytes));
        }
        return new JsAction(new String(bytes, StandardCharsets.UTF_8), null);
    }

    /**
     * The archive's .js, .cjs and .json files by normalised path. An entry whose name climbs out of the root, an
     * archive past the bounds or one that is not a zip is the owner's error, said at /init.
     */
    static Map<String, String> unzip(byte[] zip) {
        Map<String, String> files = new TreeMap<>();
        long total = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (++entries > MAX_ENTRIES) {
                    throw new JsInitException("the action's archive has more than " + MAX_ENTRIES + " entries");
                }
                String name = normalise(e.getName());
                if (e.isDirectory() || !(name.endsWith(".js") || name.endsWith(".cjs") || name.endsWith(".json"))) {
                    continue;
                }
                byte[] b = in.readNBytes((int) Math.min(MAX_BYTES - total + 1, Integer.MAX_VALUE));
                total += b.length;
                if (total > MAX_BYTES) {
                    throw new JsInitException(
                            "the action's archive unpacks to more than " + MAX_BYTES + " bytes of code");
                }
                files.put(name, new String(b, StandardCharsets.UTF_8));
            }
            if (entries == 0) {
                // ZipInputStream reads an archive of garbage after the magic bytes as one with no entries
                throw new JsInitException("the action's archive is not a valid zip: no entry could be read from it");
            }
        } catch (ZipException e) {
            throw new JsInitException("the action's archive is not a valid zip: " + e.getMessage());
        } catch (IOException e) {
            throw new JsInitException("the action's archive could not be uncompressed: " + e.getMessage());
        }
        return files;
    }

    /** "a/./b/../c.js" as "a/c.js"; a name that leaves the archive's root is refused. */
    private static String normalise(String name) {
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (String p : name.replace('\\', '/').split("/")) {
            if (p.equals("..")) {
                if (parts.isEmpty()) {
                    throw new JsInitException("the action's archive has an entry outside its root: " + name);
                }
                parts.removeLast();
            } else if (!p.isEmpty() && !p.equals(".")) {
                parts.addLast(p);
            }
        }
        return String.join("/", parts);
    }

    /** jsfn_init's argument: {"code" | "files", "main", "env"}. */
    byte[] initRequest(Map<String, String> manifestEnv) {
        ObjectNode init = JSON.createObjectNode();
        if (files != null) {
            ObjectNode f = init.putObject("files");
            files.forEach(f::put);
        } else {
            init.put("code", source);
        }
        init.put("main", manifestEnv.getOrDefault(JsAbi.ENV_MAIN, "main"));
        ObjectNode env = init.putObject("env");
        JsApp.actionEnvironment(manifestEnv).forEach(env::put);
        return init.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The action cannot be initialised: said to the caller as OpenWhisk's /init says it. */
    static final class JsInitException extends io.teemate.enclave.runtime.ContainerFaultException {
        JsInitException(String message) {
            super("Initialization has failed due to: " + message);
        }
    }
}
