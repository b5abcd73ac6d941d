package io.teemate.abi.image;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A container image: which enclave image it runs on, which of that image's applications it starts, with what
 * arguments and environment, and its own trusted files. Its identity is {@link #digest()}, SHA-256 of
 * {@link #canonicalBytes()}: the enclave owner's {@link ContainerPolicy} lists the digests allowed to join an
 * enclave, and the trusted runtime hashes the bytes it is handed before it believes any field of them.
 *
 * @param name         a name for people (part of the identity like every other field)
 * @param enclaveImage the enclave manifest's path, relative to this manifest's directory, written with '/'
 * @param entry        the application to run: one of the enclave image's {@code apps}
 * @param args         its arguments, in order
 * @param env          its environment, sorted by key (by UTF-8 bytes, as encoded)
 * @param files        the container's trusted files, relative to this manifest's directory
 * @param attachKey    the public key (X.509 SubjectPublicKeyInfo, DER; base64 in JSON) whose private half signs the
 *                     trusted runtime's attach challenge ({@link AttachKeys}); empty if none was provisioned yet
 * @param memoryLimit  the most enclave heap the container may hold at once in a shared enclave, in bytes (a
 *                     multiple of 4 KiB); 0 for no limit but the heap's size. The trusted runtime enforces it, so
 *                     it is part of the identity: a host cannot attach the same container with a bigger share
 */
public record ContainerManifest(
        String name,
        String enclaveImage,
        String entry,
        List<String> args,
        Map<String, String> env,
        List<TrustedFile> files,
        byte[] attachKey,
        long memoryLimit) {
    static final Set<String> FIELDS =
            Set.of("name", "enclave_image", "entry", "args", "env", "files", "attach_key", "memory_limit");
    private static final Pattern ENTRY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final byte[] MAGIC = "TMCTNR02".getBytes(StandardCharsets.US_ASCII);
    private static final String IN_CODE = "ContainerManifest";
    /** Keys in the order of their UTF-8 bytes, which is the order they are encoded in. */
    private static final Comparator<String> UTF8_ORDER =
            (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    public ContainerManifest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(enclaveImage, "enclave_image");
        Objects.requireNonNull(entry, "entry");
        args = List.copyOf(args);
        files = List.copyOf(files);
        SortedMap<String, String> sorted = new TreeMap<>(UTF8_ORDER);
        sorted.putAll(env);
        env = Collections.unmodifiableSortedMap(sorted);
        check(
                !name.isEmpty() && name.chars().noneMatch(Character::isISOControl),
                "name",
                "must be a non-empty name without control characters");
        check(
                !enclaveImage.isEmpty()
                        && !enclaveImage.startsWith("/")
                        && !enclaveImage.contains("\\")
                        && enclaveImage.indexOf('\0') < 0
                        && !enclaveImage.matches("^[A-Za-z]:.*"),
                "enclave_image",
                "\"" + enclaveImage + "\" must be a relative path to the enclave manifest, written with '/'");
        check(
                ENTRY.matcher(entry).matches(),
                "entry",
                "\"" + entry + "\" is not an application name (letters, digits, '_', '.', '-'; at most 64)");
        for (int i = 0; i < args.size(); i++) {
            check(args.get(i).indexOf('\0') < 0, "args[" + i + "]", "contains a NUL character");
        }
        for (var e : env.entrySet()) {
            check(
                    !e.getKey().isEmpty()
                            && e.getKey().indexOf('=') < 0
                            && e.getKey().indexOf('\0') < 0,
                    "env." + e.getKey(),
                    "\"" + e.getKey() + "\" is not an environment variable name (non-empty, no '=' or NUL)");
            check(e.getValue().indexOf('\0') < 0, "env." + e.getKey(), "contains a NUL character");
        }
        attachKey = attachKey.clone();
        check(
                attachKey.length == 0 || AttachKeys.decodePublic(attachKey) != null,
                "attach_key",
                "is not an EC P-256 public key (base64 of an X.509 SubjectPublicKeyInfo)");
        check(
                memoryLimit >= 0 && memoryLimit % 4096 == 0 && memoryLimit / 4096 < Integer.MAX_VALUE,
                "memory_limit",
                memoryLimit + " bytes is not a size in whole 4 KiB pages (0 for no limit)");
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < files.size(); i++) {
            check(
                    paths.add(files.get(i).path()),
                    "files[" + i + "].path",
                    "\"" + files.get(i).path() + "\" is listed twice");
        }
    }

    /** A container without a memory limit of its own. */
    public ContainerManifest(
            String name,
            String enclaveImage,
            String entry,
            List<String> args,
            Map<String, String> env,
            List<TrustedFile> files,
            byte[] attachKey) {
        this(name, enclaveImage, entry, args, env, files, attachKey, 0);
    }

    /** The limit in 4 KiB pages, or 0 for none. */
    public int memoryLimitPages() {
        return (int) (memoryLimit / 4096);
    }

    private static void check(boolean ok, String field, String problem) {
        if (!ok) {
            throw new ManifestException(IN_CODE, field, problem);
        }
    }

    /**
     * Reads and checks the manifest at {@code file}, then resolves its {@code enclave_image} and checks that the
     * entry is one of that image's apps. Errors name the file and the field.
     */
    public static ContainerManifest load(Path file) {
        String source = file.getFileName().toString();
        String json = JsonFields.readText(file);
        ContainerManifest m = parse(json, source);
        Path enclaveFile = m.enclaveManifestPath(file);
        if (!Files.isRegularFile(enclaveFile)) {
            throw new ManifestException(source, "enclave_image", "file " + enclaveFile + " does not exist");
        }
        m.checkRunsOn(EnclaveManifest.load(enclaveFile), source);
        return m;
    }

    /** Parses and checks the JSON text (the enclave image is not resolved: see {@link #load}). */
    public static ContainerManifest parse(String json, String sourceName) {
        JsonFields f = JsonFields.parse(json, sourceName, FIELDS);
        String name = f.string("name");
        String enclaveImage = f.string("enclave_image");
        String entry = f.string("entry");
        List<String> args = f.strings("args");
        Map<String, String> env = f.stringMap("env");
        List<TrustedFile> files = new ArrayList<>();
        for (JsonFields entryFields : f.objects("files", TrustedFile.FIELDS)) {
            files.add(TrustedFile.read(entryFields));
        }
        long memoryLimit = 0;
        if (f.has("memory_limit")) {
            try {
                memoryLimit = Sizes.parse(f.string("memory_limit"));
            } catch (IllegalArgumentException e) {
                throw f.error("memory_limit", e.getMessage());
            }
        }
        try {
            return new ContainerManifest(name, enclaveImage, entry, args, env, files, attachKey(f), memoryLimit);
        } catch (ManifestException e) {
            throw e.withSource(sourceName);
        }
    }

    private static byte[] attachKey(JsonFields f) {
        if (!f.has("attach_key")) {
            return new byte[0];
        }
        try {
            return java.util.Base64.getDecoder().decode(f.string("attach_key"));
        } catch (IllegalArgumentException e) {
            throw f.error("attach_key", "is not base64: " + e.getMessage());
        }
    }

    /** Two manifests are equal when their canonical encodings are: the same container identity. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ContainerManifest m && Arrays.equals(canonicalBytes(), m.canonicalBytes());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(canonicalBytes());
    }

    @Override
    public String toString() {
        return "ContainerManifest[" + name + ", entry " + entry + ", " + files.size() + " file(s), identity "
                + digestHex() + "]";
    }

    /** The attach key (DER SubjectPublicKeyInfo), or an empty array. */
    @Override
    public byte[] attachKey() {
        return attachKey.clone();
    }

    /** Where {@code enclave_image} points, for the container manifest at {@code manifestFile}. */
    public Path enclaveManifestPath(Path manifestFile) {
        return EnclaveManifest.directoryOf(manifestFile).resolve(enclaveImage).normalize();
    }

    /** Checks that this container can run on {@code enclave}: its entry is one of the enclave's apps. */
    public void checkRunsOn(EnclaveManifest enclave, String sourceName) {
        if (!enclave.apps().contains(entry)) {
            throw new ManifestException(
                    sourceName, "entry", "\"" + entry + "\" is not one of the enclave image's apps " + enclave.apps());
        }
    }

    /** Checks that every file exists next to the manifest at {@code manifestFile} with the SHA-256 it gives. */
    public void verifyFiles(Path manifestFile) {
        Path dir = EnclaveManifest.directoryOf(manifestFile);
        String source = manifestFile.getFileName().toString();
        for (int i = 0; i < files.size(); i++) {
            files.get(i).check(dir, source, "files[" + i + "]");
        }
    }

    /**
     * The canonical encoding (docs/manifests.md): "TMCTNR01", name, enclave_image, entry (u32 length + UTF-8
     * each), args (u32 count + strings, in order), env (u32 count + key, value; sorted by the keys' UTF-8
     * bytes), files (u32 count + per file path, 32-byte SHA-256, in order), attach_key (u32 length + DER),
     * memory_limit (u64 bytes, 0 = none). Integers little-endian.
     */
    public byte[] canonicalBytes() {
        Canonical.Writer w = new Canonical.Writer()
                .bytes(MAGIC)
                .string(name)
                .string(enclaveImage)
                .string(entry)
                .u32(args.size());
        args.forEach(w::string);
        w.u32(env.size());
        env.forEach((k, v) -> w.string(k).string(v));
        w.u32(files.size());
        for (TrustedFile t : files) {
            w.string(t.path()).bytes(t.sha256());
        }
        w.u32(attachKey.length).bytes(attachKey);
        w.u64(memoryLimit);
        return w.toBytes();
    }

    /** The container's identity: SHA-256 of {@link #canonicalBytes()}. */
    public byte[] digest() {
        return digestOf(canonicalBytes());
    }

    public String digestHex() {
        return HexFormat.of().formatHex(digest());
    }

    /** SHA-256 of canonical bytes as received, what the trusted runtime computes before it parses them. */
    public static byte[] digestOf(byte[] canonicalBytes) {
        return TrustedFile.newSha256().digest(canonicalBytes);
    }

    /**
     * Decodes {@link #canonicalBytes()}; only the one canonical form is accepted, so
     * {@code fromCanonicalBytes(b).digest()} equals {@code digestOf(b)} for every {@code b} it accepts.
     *
     * @throws IllegalArgumentException if the bytes are malformed or not canonical
     * @throws ManifestException        if they decode to a manifest that breaks a rule
     */
    public static ContainerManifest fromCanonicalBytes(byte[] bytes) {
        Canonical.Reader r = new Canonical.Reader(bytes, "the container manifest encoding");
        r.magic(MAGIC);
        String name = r.string();
        String enclaveImage = r.string();
        String entry = r.string();
        List<String> args = new ArrayList<>();
        for (int i = r.count(4); i > 0; i--) {
            args.add(r.string());
        }
        Map<String, String> env = new TreeMap<>(UTF8_ORDER);
        for (int i = r.count(8); i > 0; i--) {
            String key = r.string();
            if (env.put(key, r.string()) != null) {
                throw new IllegalArgumentException("the container manifest encoding has env key \"" + key + "\" twice");
            }
        }
        List<TrustedFile> files = new ArrayList<>();
        for (int i = r.count(4 + TrustedFile.SHA256_BYTES); i > 0; i--) {
            String path = r.string();
            String problem = TrustedFile.pathProblem(path);
            if (problem != null) {
                throw new ManifestException(IN_CODE, "files", problem);
            }
            files.add(new TrustedFile(path, r.bytes(TrustedFile.SHA256_BYTES)));
        }
        byte[] attachKey = r.bytes(r.count(1));
        long memoryLimit = r.u64();
        r.end();
        ContainerManifest m =
                new ContainerManifest(name, enclaveImage, entry, args, env, files, attachKey, memoryLimit);
        if (!Arrays.equals(m.canonicalBytes(), bytes)) {
            throw new IllegalArgumentException("the container manifest encoding is not in canonical form");
        }
        return m;
    }
}
