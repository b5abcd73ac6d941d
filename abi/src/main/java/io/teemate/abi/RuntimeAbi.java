package io.teemate.abi;

/**
 * The call interface between a container's untrusted host side and the trusted runtime: what an SGX SDK's EDL
 * file declares. Both sides compile against these numbers; nothing else crosses the boundary.
 * <p><b>Ecall registers</b> at EENTER: RDI = ecall number; RSI/RDX = request address and length; R8/R9 = response
 * address and capacity; R10/R11 = the ocall buffer's address and capacity. All three buffers are untrusted memory
 * outside ELRANGE (the runtime refuses any that overlaps the enclave). On EEXIT: RAX = status ({@link #OK} or a
 * negative error), RDX = response length. An error's response is a UTF-8 message.
 * <p><b>Ocalls</b>: at EEXIT, RDI = ocall number and RSI = argument length; the arguments start at byte
 * {@link #OCALL_HEADER} of the ocall buffer. Before re-entering, the host puts the result there too, and its length
 * (or a negative errno) as a u64 in the buffer's first 8 bytes.
 * <p><b>Requests</b> ({@link Wire} encoding). Every call after ATTACH starts with the 32-byte session token that
 * ATTACH returned; the runtime runs it only for the container bound to the entering TCS with that token.
 */
public final class RuntimeAbi {
    /** The name enclave manifests give the trusted runtime ({@code "runtime": "teemate"}). */
    public static final String RUNTIME_NAME = "teemate";

    private RuntimeAbi() {}

    /**
     * () -> nonce[32]: the challenge the next ATTACH through this TCS signs. It changes whenever the TCS's binding
     * does (so an attach is single-use), and asking for it changes nothing.
     */
    public static final long ECALL_CHALLENGE = 1;
    /** (policy, manifest canonical bytes, signature over {@link #attachStatement}) -> instance u32, token[32]. */
    public static final long ECALL_ATTACH = 2;
    /** (token) -> exit code u32: runs the container's entry; its output goes out by {@link #OCALL_WRITE}. */
    public static final long ECALL_RUN = 3;
    /** (token) -> (): the container leaves; its heap is wiped and returned, its TCS unbound. */
    public static final long ECALL_DETACH = 4;
    /** (token, plaintext) -> sealed blob, under the container's own sealing key. */
    public static final long ECALL_SEAL = 5;
    /** (token, sealed blob) -> plaintext, or an error if another container or enclave sealed it. */
    public static final long ECALL_UNSEAL = 6;
    /** (token, target info[512], nonce[32]) -> REPORT[432]; REPORTDATA = identity || SHA-256(nonce) ({@code ReportDataBinding}). */
    public static final long ECALL_ATTEST = 7;
    /** (token, path) -> the file's contents, checked against the container's manifest hash. */
    public static final long ECALL_READ_FILE = 8;
    /**
     * (token, stdin blob) -> exit code u32: runs the container's entry again with {@code stdin} as its standard input
     * (a serverless invocation: the request body in, the response out by {@link #OCALL_WRITE}). The container stays.
     */
    public static final long ECALL_INVOKE = 10;
    /**
     * (token, child TCS offset u64) -> child instance u32, child token[32]: a fork. The runtime makes a new
     * container of the caller's identity bound to the child process's TCS (which must be free), and the app gives
     * it what it inherits ({@code ContainerApp.fork}): the paper's fork inside one shared enclave, where the child
     * proves nothing anew because it is the parent's copy, as a forked process inherits its parent's credentials.
     */
    public static final long ECALL_FORK = 11;
    /**
     * (token) -> the caller's own statistics: heap pages it holds u32, its limit in pages u32 (0 = none), heap pages
     * committed in the enclave u32 (what the host sees anyway). Never the other containers' use.
     */
    public static final long ECALL_STATS = 9;

    /** Bytes at the start of the ocall buffer that hold the result length. */
    public static final int OCALL_HEADER = 8;

    /** (path) -> size u64 of a file in the container's root; -ENOENT if absent. */
    public static final long OCALL_FILE_SIZE = 1;
    /** (path, offset u64, length u32) -> the bytes read. */
    public static final long OCALL_FILE_READ = 2;
    /** (fd u32, bytes) -> (): the container's stdout (1) or stderr (2). */
    public static final long OCALL_WRITE = 3;
    /**
     * (service name string, request blob) -> the service's reply bytes: a named service of the host's platform (an
     * HTTP fetch, a database) that a container's code asks for because the enclave has no network of its own. The
     * host answers -ENOSYS for a service it does not have, -EIO when the service failed, and -E2BIG (or -EINVAL)
     * for a reply that would not fit in the ocall buffer. The reply is the host's: UNTRUSTED, like every ocall's.
     */
    public static final long OCALL_SERVICE = 4;

    /**
     * What an ecall ended with: RAX at EEXIT. One table: the long constants below and {@link #statusName} come from
     * it. An error's response is a UTF-8 message.
     */
    public enum Status {
        OK(0),
        /** The request was malformed, or its buffers overlap the enclave. */
        E_INVALID(-1),
        /** No container of this session is bound to this TCS. */
        E_NOT_ATTACHED(-2),
        /** ATTACH refused: policy, identity, challenge or signature did not verify, or the TCS is bound. */
        E_REFUSED(-3),
        /** A trusted file is missing or does not match its hash. */
        E_FILE(-4),
        /** Unseal failed: wrong container or enclave, or a changed blob. */
        E_SEAL(-5),
        /**
         * The container's code threw something that is not one of its own errors (a bug, an {@link Error}): the
         * container was torn down; the message says what it threw, detail for the operator rather than for the
         * container's user. Its own errors are {@link #E_FAULT}, {@link #E_TIMEOUT} and {@link #E_NO_MEMORY}.
         */
        E_CRASHED(-6),
        /** The response does not fit in the response buffer. */
        E_TOO_LARGE(-7),
        /**
         * Enclave memory, or the container's memory_limit (or a limit of the container's own, such as a Wasm
         * function's pages), is exhausted. When the container's code hit it, the container was torn down and the
         * message is the limit in words meant for the container's user, with no runtime detail.
         */
        E_NO_MEMORY(-8),
        /** The ecall number is not known. */
        E_UNKNOWN_CALL(-9),
        /**
         * The container's code ran past its time limit and was stopped: the container was torn down. The message
         * is the container's own words for its user (which limit, how long).
         */
        E_TIMEOUT(-10),
        /** The container's app does not support the call (a fork of an app that does not fork). */
        E_UNSUPPORTED(-11),
        /**
         * Refused without running anything: an ecall is already in progress on this TCS (it is out in an ocall or
         * an AEX), or the entry is the exception entry (CSSA > 0), for which the runtime has no handler.
         */
        E_REENTRY(-12),
        /**
         * The container's code failed with an error of its own that its user is meant to read (a Wasm trap: an
         * out-of-bounds access, unreachable, a division by zero): the container was torn down. The message is
         * the container's words for its user, with no runtime detail (no class names); anything else the code
         * throws is {@link #E_CRASHED}.
         */
        E_FAULT(-13);

        private final long code;

        Status(long code) {
            this.code = code;
        }

        /** The value in RAX. */
        public long code() {
            return code;
        }

        /** The status with this code, or null for a code the ABI does not define. */
        public static Status of(long code) {
            for (Status s : values()) {
                if (s.code == code) {
                    return s;
                }
            }
            return null;
        }
    }

    public static final long OK = Status.OK.code();
    public static final long E_INVALID = Status.E_INVALID.code();
    public static final long E_NOT_ATTACHED = Status.E_NOT_ATTACHED.code();
    public static final long E_REFUSED = Status.E_REFUSED.code();
    public static final long E_FILE = Status.E_FILE.code();
    public static final long E_SEAL = Status.E_SEAL.code();
    public static final long E_CRASHED = Status.E_CRASHED.code();
    public static final long E_TOO_LARGE = Status.E_TOO_LARGE.code();
    public static final long E_NO_MEMORY = Status.E_NO_MEMORY.code();
    public static final long E_UNKNOWN_CALL = Status.E_UNKNOWN_CALL.code();
    public static final long E_TIMEOUT = Status.E_TIMEOUT.code();
    public static final long E_UNSUPPORTED = Status.E_UNSUPPORTED.code();
    public static final long E_REENTRY = Status.E_REENTRY.code();
    public static final long E_FAULT = Status.E_FAULT.code();

    /** Container attach-key signatures (ECDSA P-256 / SHA-256) are over this statement. */
    public static byte[] attachStatement(byte[] nonce, long tcsOffset, byte[] containerDigest) {
        return new Wire.Writer()
                .bytes(ATTACH_CONTEXT)
                .bytes(nonce)
                .u64(tcsOffset)
                .bytes(containerDigest)
                .toBytes();
    }

    private static final byte[] ATTACH_CONTEXT =
            "TEEMATE-ATTACH-V1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** A readable name for a status, for host-side messages. */
    public static String statusName(long status) {
        Status s = Status.of(status);
        return s == null ? "status " + status : s.name();
    }
}
