package io.teemate.abi.image;

import io.teemate.sgx.mmu.Memory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An enclave image, as its manifest describes it (the counterpart of a Gramine manifest's {@code sgx.*} keys):
 * the trusted runtime and the applications compiled into its code, the threads (TCS count) and their SSA
 * frames, the heap and whether it is added before EINIT (SGX1) or grown afterwards with EAUG/EACCEPT (SGX2
 * EDMM), the trusted files, and the identity fields of the SIGSTRUCT. JSON field names are in
 * {@code snake_case}; see docs/manifests.md. Everything here is measured: {@link EnclaveImageLayout} puts
 * {@link #canonicalBytes()} into the enclave, so MRENCLAVE covers every field.
 *
 * @param name         a name for people; measured like the rest
 * @param enclaveSize  ELRANGE size in bytes (a power of two), or 0 for the smallest power of two that fits
 * @param threads      the number of TCS pages: how many threads can be inside at once
 * @param ssaFrameSize pages per SSA frame (SECS.SSAFRAMESIZE)
 * @param nssa         SSA frames per TCS (TCS.NSSA)
 * @param runtime      the trusted runtime's program name (resolved to code by a {@link CodeResolver})
 * @param apps         the application names compiled into the enclave's code; a container's entry is one of them
 * @param heapSize     the heap's largest size in bytes (a multiple of 4 KiB)
 * @param edmm         true: SGX2, heap pages beyond {@code heapInitial} are added at run time (EAUG + EACCEPT)
 * @param heapInitial  heap bytes added and measured before EINIT: all of {@code heapSize} unless {@code edmm}
 * @param trustedFiles files the enclave may read, with their SHA-256
 * @param isvProdId    SIGSTRUCT.ISVPRODID, 0..65535
 * @param isvSvn       SIGSTRUCT.ISVSVN, 0..65535
 * @param debug        SIGSTRUCT.ATTRIBUTES.DEBUG: a debugger may read the enclave (never for production)
 */
public record EnclaveManifest(
        String name,
        long enclaveSize,
        int threads,
        int ssaFrameSize,
        int nssa,
        String runtime,
        List<String> apps,
        long heapSize,
        boolean edmm,
        long heapInitial,
        List<TrustedFile> trustedFiles,
        int isvProdId,
        int isvSvn,
        boolean debug) {
    public static final int MAX_THREADS = 4096;
    public static final int MAX_SSA_FRAME_SIZE = 256;
    public static final int MAX_NSSA = 64;
    public static final int DEFAULT_SSA_FRAME_SIZE = 1;
    public static final int DEFAULT_NSSA = 2;
    /** Largest ELRANGE a manifest may ask for (64 TiB); keeps every offset sum far from overflow. */
    public static final long MAX_ENCLAVE_SIZE = 1L << 46;

    static final Set<String> FIELDS = Set.of(
            "name",
            "enclave_size",
            "threads",
            "ssa_frame_size",
            "nssa",
            "runtime",
            "apps",
            "heap_size",
            "edmm",
            "heap_initial",
            "trusted_files",
            "isv_prod_id",
            "isv_svn",
            "debug");
    private static final Pattern APP_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final byte[] MAGIC = "TMENCL01".getBytes(StandardCharsets.US_ASCII);
    /** The source named by errors in a manifest built in code rather than read from a file. */
    private static final String IN_CODE = "EnclaveManifest";

    /** Checks every rule that does not need the code image; errors name the JSON field. */
    public EnclaveManifest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(runtime, "runtime");
        apps = List.copyOf(apps);
        trustedFiles = List.copyOf(trustedFiles);
        check(
                !name.isEmpty() && name.chars().noneMatch(Character::isISOControl),
                "name",
                "must be a non-empty name without control characters");
        if (enclaveSize != 0 && (enclaveSize < 2L * Memory.PAGE_SIZE || Long.bitCount(enclaveSize) != 1)) {
            throw new ManifestException(
                    IN_CODE,
                    "enclave_size",
                    Sizes.format(enclaveSize) + " is not a power of two of at least 8K (SDM Vol.3D 37.7: SECS.SIZE)");
        }
        check(enclaveSize <= MAX_ENCLAVE_SIZE, "enclave_size", Sizes.format(enclaveSize) + " is more than 64T");
        check(threads >= 1 && threads <= MAX_THREADS, "threads", threads + " is not from 1 to " + MAX_THREADS);
        check(
                ssaFrameSize >= 1 && ssaFrameSize <= MAX_SSA_FRAME_SIZE,
                "ssa_frame_size",
                ssaFrameSize + " pages is not from 1 to " + MAX_SSA_FRAME_SIZE);
        check(nssa >= 1 && nssa <= MAX_NSSA, "nssa", nssa + " is not from 1 to " + MAX_NSSA);
        check(!runtime.isEmpty(), "runtime", "must name the trusted runtime");
        check(!apps.isEmpty(), "apps", "must list at least one application");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < apps.size(); i++) {
            String app = apps.get(i);
            check(
                    APP_NAME.matcher(app).matches(),
                    "apps[" + i + "]",
                    "\"" + app + "\" is not an application name (letters, digits, '_', '.', '-'; at most 64)");
            check(seen.add(app), "apps[" + i + "]", "\"" + app + "\" is listed twice");
        }
        check(
                heapSize >= Memory.PAGE_SIZE && heapSize % Memory.PAGE_SIZE == 0,
                "heap_size",
                Sizes.format(heapSize) + " is not a positive multiple of 4K");
        check(heapSize <= MAX_ENCLAVE_SIZE / 2, "heap_size", Sizes.format(heapSize) + " is more than 32T");
        if (edmm) {
            check(
                    heapInitial >= 0 && heapInitial % Memory.PAGE_SIZE == 0,
                    "heap_initial",
                    Sizes.format(heapInitial) + " is not a multiple of 4K");
            check(
                    heapInitial <= heapSize,
                    "heap_initial",
                    Sizes.format(heapInitial) + " is more than heap_size " + Sizes.format(heapSize));
        } else {
            check(
                    heapInitial == heapSize,
                    "heap_initial",
                    "only with \"edmm\": true; SGX1 adds the whole heap before EINIT");
        }
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < trustedFiles.size(); i++) {
            check(
                    paths.add(trustedFiles.get(i).path()),
                    "trusted_files[" + i + "].path",
                    "\"" + trustedFiles.get(i).path() + "\" is listed twice");
        }
        check(isvProdId >= 0 && isvProdId <= 0xFFFF, "isv_prod_id", isvProdId + " is not from 0 to 65535");
        check(isvSvn >= 0 && isvSvn <= 0xFFFF, "isv_svn", isvSvn + " is not from 0 to 65535");
    }

    private static void check(boolean ok, String field, String problem) {
        if (!ok) {
            throw new ManifestException(IN_CODE, field, problem);
        }
    }

    /** Reads and checks the manifest at {@code file}; errors name the file (by its file name) and the field. */
    public static EnclaveManifest load(Path file) {
        String source = file.getFileName().toString();
        String json = JsonFields.readText(file);
        return parse(json, source);
    }

    /** Parses and checks a manifest's JSON text; {@code sourceName} is what errors call it. */
    public static EnclaveManifest parse(String json, String sourceName) {
        JsonFields f = JsonFields.parse(json, sourceName, FIELDS);
        String name = f.string("name");
        long enclaveSize = f.size("enclave_size");
        if (enclaveSize == 0) {
            throw f.error(
                    "enclave_size",
                    "0 is not a power of two of at least 8K; leave the field out to get the smallest that fits");
        }
        int threads = (int) f.integer("threads", 1, MAX_THREADS, null);
        int ssa = (int) f.integer("ssa_frame_size", 1, MAX_SSA_FRAME_SIZE, (long) DEFAULT_SSA_FRAME_SIZE);
        int nssa = (int) f.integer("nssa", 1, MAX_NSSA, (long) DEFAULT_NSSA);
        String runtime = f.string("runtime");
        if (!f.has("apps")) {
            throw f.error("apps", "is missing");
        }
        List<String> apps = f.strings("apps");
        long heapSize = f.size("heap_size");
        if (heapSize < 0) {
            throw f.error("heap_size", "is missing");
        }
        boolean edmm = f.bool("edmm", false);
        long heapInitial = f.size("heap_initial");
        if (heapInitial >= 0 && !edmm) {
            throw f.error("heap_initial", "only with \"edmm\": true; SGX1 adds the whole heap before EINIT");
        }
        if (heapInitial < 0) {
            heapInitial = edmm ? 0 : heapSize;
        }
        List<TrustedFile> files = new ArrayList<>();
        for (JsonFields entry : f.objects("trusted_files", TrustedFile.FIELDS)) {
            files.add(TrustedFile.read(entry));
        }
        int prodId = (int) f.integer("isv_prod_id", 0, 0xFFFF, 0L);
        int svn = (int) f.integer("isv_svn", 0, 0xFFFF, 0L);
        boolean debug = f.bool("debug", false);
        try {
            return new EnclaveManifest(
                    name,
                    Math.max(enclaveSize, 0),
                    threads,
                    ssa,
                    nssa,
                    runtime,
                    apps,
                    heapSize,
                    edmm,
                    heapInitial,
                    files,
                    prodId,
                    svn,
                    debug);
        } catch (ManifestException e) {
            throw e.withSource(sourceName);
        }
    }

    /**
     * Checks that every trusted file exists next to the manifest at {@code manifestFile} and has the SHA-256 the
     * manifest gives; an error names the manifest, the entry ({@code trusted_files[i]}) and the file.
     */
    public void verifyTrustedFiles(Path manifestFile) {
        Path dir = directoryOf(manifestFile);
        String source = manifestFile.getFileName().toString();
        for (int i = 0; i < trustedFiles.size(); i++) {
            trustedFiles.get(i).check(dir, source, "trusted_files[" + i + "]");
        }
    }

    /** Heap pages added and measured before EINIT. */
    public long heapInitialPages() {
        return heapInitial / Memory.PAGE_SIZE;
    }

    /** Heap pages at most. */
    public long heapMaxPages() {
        return heapSize / Memory.PAGE_SIZE;
    }

    /**
     * The manifest in the canonical encoding (docs/manifests.md): "TMENCL01", name, enclave_size (u64, 0 =
     * smallest), threads, ssa_frame_size, nssa (u32 each), runtime, apps (u32 count + strings), heap_size (u64),
     * edmm (u8), heap_initial (u64), trusted_files (u32 count + per file path, 32-byte SHA-256), isv_prod_id,
     * isv_svn (u16 each), debug (u8). These bytes are EADDed and measured into the enclave.
     */
    public byte[] canonicalBytes() {
        Canonical.Writer w = new Canonical.Writer()
                .bytes(MAGIC)
                .string(name)
                .u64(enclaveSize)
                .u32(threads)
                .u32(ssaFrameSize)
                .u32(nssa)
                .string(runtime)
                .u32(apps.size());
        apps.forEach(w::string);
        w.u64(heapSize).bool(edmm).u64(heapInitial).u32(trustedFiles.size());
        for (TrustedFile t : trustedFiles) {
            w.string(t.path()).bytes(t.sha256());
        }
        return w.u16(isvProdId).u16(isvSvn).bool(debug).toBytes();
    }

    /**
     * Decodes {@link #canonicalBytes()} (the trusted runtime reads them from its own measured pages).
     *
     * @throws IllegalArgumentException if the bytes are malformed or not in the one canonical form
     * @throws ManifestException        if they decode to a manifest that breaks a rule
     */
    public static EnclaveManifest fromCanonicalBytes(byte[] bytes) {
        Canonical.Reader r = new Canonical.Reader(bytes, "the enclave manifest encoding");
        r.magic(MAGIC);
        String name = r.string();
        long enclaveSize = r.u64();
        int threads = (int) r.u32();
        int ssa = (int) r.u32();
        int nssa = (int) r.u32();
        String runtime = r.string();
        List<String> apps = new ArrayList<>();
        for (int i = r.count(4); i > 0; i--) {
            apps.add(r.string());
        }
        long heapSize = r.u64();
        boolean edmm = r.bool();
        long heapInitial = r.u64();
        List<TrustedFile> files = new ArrayList<>();
        for (int i = r.count(4 + TrustedFile.SHA256_BYTES); i > 0; i--) {
            String path = r.string();
            String problem = TrustedFile.pathProblem(path);
            if (problem != null) {
                throw new ManifestException(IN_CODE, "trusted_files", problem);
            }
            files.add(new TrustedFile(path, r.bytes(TrustedFile.SHA256_BYTES)));
        }
        int prodId = r.u16();
        int svn = r.u16();
        boolean debug = r.bool();
        r.end();
        EnclaveManifest m = new EnclaveManifest(
                name,
                enclaveSize,
                threads,
                ssa,
                nssa,
                runtime,
                apps,
                heapSize,
                edmm,
                heapInitial,
                files,
                prodId,
                svn,
                debug);
        if (!java.util.Arrays.equals(m.canonicalBytes(), bytes)) {
            throw new IllegalArgumentException("the enclave manifest encoding is not in canonical form");
        }
        return m;
    }

    static Path directoryOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent != null ? parent : file.toAbsolutePath();
    }
}
