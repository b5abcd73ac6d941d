package io.teemate.host.container;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.teemate.abi.image.AttachKeys;
import io.teemate.sgx.sign.SigningKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes enclave and container images (manifests, trusted files, attach keys) into a folder, as a user would. */
final class ImageFixture {
    static final SigningKey OWNER = SigningKey.generate();
    private static final ObjectMapper JSON = new ObjectMapper();

    final Path dir;

    ImageFixture(Path dir) {
        this.dir = dir;
    }

    /** An enclave manifest {@code <name>.json} with the given heap, threads and apps. */
    Path enclave(String name, String heapSize, boolean edmm, int threads, String... appNames) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("runtime", "teemate");
        m.put("apps", List.of(appNames));
        m.put("threads", threads);
        m.put("heap_size", heapSize);
        m.put("edmm", edmm);
        if (edmm) {
            m.put("heap_initial", "16K");
        }
        return write(dir.resolve(name + ".json"), m);
    }

    /** A container image {@code <name>.json} on {@code enclave} with trusted files (path -> content) and its attach key. */
    ContainerImage container(Path enclave, String name, String entry, List<String> args, Map<String, String> files) {
        return container(enclave, name, entry, args, files, null);
    }

    /** As {@link #container}, with the manifest's {@code memory_limit} (a size such as "64K"), if not null. */
    ContainerImage container(
            Path enclave, String name, String entry, List<String> args, Map<String, String> files, String memoryLimit) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (memoryLimit != null) {
            m.put("memory_limit", memoryLimit);
        }
        m.put("name", name);
        m.put("enclave_image", dir.relativize(enclave).toString());
        m.put("entry", entry);
        m.put("args", args);
        m.put("env", Map.of("LANG", "C.UTF-8"));
        List<Map<String, String>> trusted = new ArrayList<>();
        for (var f : files.entrySet()) {
            Path p = dir.resolve(f.getKey());
            try {
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.getValue());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            trusted.add(Map.of("path", f.getKey(), "sha256", sha256(f.getValue())));
        }
        m.put("files", trusted);
        KeyPair key = AttachKeys.generate();
        m.put("attach_key", Base64.getEncoder().encodeToString(AttachKeys.encodePublic(key)));
        Path manifest = write(dir.resolve(name + ".json"), m);
        try {
            Files.deleteIfExists(ContainerImage.attachKeyFile(manifest));
            AttachKeys.writePrivate(ContainerImage.attachKeyFile(manifest), key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ContainerImage.load(manifest, OWNER);
    }

    private static Path write(Path file, Map<String, Object> json) {
        try {
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(String content) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
