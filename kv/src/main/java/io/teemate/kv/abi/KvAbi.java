package io.teemate.kv.abi;

/**
 * The database container's invocation protocol: what the host side sends as an invocation's standard input
 * (ECALL_INVOKE) and what the enclave's kv program ({@code io.teemate.kv.enclave.KvApp}) answers on standard
 * output, both in the runtime's {@link io.teemate.abi.Wire} encoding. Every request starts with an operation
 * number (u32).
 * <ul>
 * <li>{@link #OPEN} (space bytes u64, snapshot path string, "" for none) -> keys loaded u64: creates the
 *     container's keyspace and loads the sealed snapshot, if any. Exit {@link #EXIT_BAD_SNAPSHOT} with a message
 *     if the snapshot does not unseal or parse: nothing is loaded.</li>
 * <li>{@link #EXEC} (n u32, then per command: argc u32, argc blobs) -> n reply blobs (RESP2), then the engine's internal
 *     errors since the last EXEC (count u32, per error: id u64, detail string) for the host's log.</li>
 * <li>{@link #STATS} () -> keys u64, keys with a deadline u64, bytes allocated u64, private pages u64, pages
 *     shared with a fork u64, pages copied on write u64.</li>
 * <li>{@link #SAVE} () -> the sealed snapshot stream (the enclave's SealedSnapshot format over an RDB stream) of the
 *     container's dataset; a forked child saves the dataset at its fork.</li>
 * <li>{@link #CHECKPOINT} () -> the dataset's pages as sealed checkpoint records, for a conventional fork
 *     (the enclave's HeapCheckpoint); {@link #RESTORE} (one record blob) -> done u32 (1 after the last record), in the
 *     child's new enclave.</li>
 * <li>{@link #EXPORT} (snapshot path string) -> the snapshot's plain RDB stream, unsealed in the enclave only
 *     after the whole snapshot authenticated (a first pass checks every record and the last one's marker and
 *     releases nothing). Exit {@link #EXIT_BAD_SNAPSHOT} with the reason (never a path) otherwise.</li>
 * <li>{@link #COMMANDS} () -> the engine's command table, for the server's COMMAND: n u32, then per command in
 *     name order: name string (lower case), arity, first key, last key, step (each an i32 as a u32, two's
 *     complement; Redis's legacy key positions, 0 0 0 for none). It is the program's code, not the dataset's, so
 *     it needs no {@link #OPEN} and never changes while the container runs.</li>
 * </ul>
 */
public final class KvAbi {
    private KvAbi() {}

    /** The app name container manifests use as their entry. */
    public static final String APP = "kv";

    public static final int OPEN = 1;
    public static final int EXEC = 2;
    public static final int STATS = 3;
    public static final int SAVE = 4;
    public static final int CHECKPOINT = 5;
    public static final int RESTORE = 6;
    public static final int EXPORT = 7;
    public static final int COMMANDS = 8;

    /** Exit status: the snapshot is not this container's, was changed, or is not a snapshot. */
    public static final int EXIT_BAD_SNAPSHOT = 3;
    /** Exit status: the request does not fit the state (EXEC before OPEN, RESTORE out of order...). */
    public static final int EXIT_BAD_REQUEST = 2;
}
