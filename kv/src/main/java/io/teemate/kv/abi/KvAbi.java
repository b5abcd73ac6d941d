package io.teemate.kv.abi;

/**
 * The database container's invocation protocol: what the host side sends as an invocation's standard input
 * (ECALL_INVOKE) and what the enclave's kv program ({@code io.teemate.kv.enclave.KvApp}) answers on standard
 * output, both in the runtime's {@link io.teemate.abi.Wire} encoding. Every request starts with an operation
 * number (u32).
 * <ul>
 * <li>{@link #OPEN} (space bytes u64, databases u32, snapshot path string, "" for none) -> keys loaded u64 (of
 *     every database): creates the container's keyspace of {@code databases} numbered databases (Redis's
 *     {@code databases}, 1 or more, fixed from then on; refused if the db table would take more than an eighth of
 *     the space) and loads the sealed snapshot, if any. Exit {@link #EXIT_BAD_SNAPSHOT} with a message
 *     if the snapshot does not unseal or parse: nothing is loaded.</li>
 * <li>{@link #EXEC} (deny writes string, n u32, then per command: database u32, argc u32, argc blobs) -> n reply
 *     blobs (RESP2), then
 *     the engine's internal errors since the last EXEC (count u32, per error: id u64, detail string) for the host's
 *     log, then dirty u64 (the changes this batch made: Redis's server.dirty, e.g. 2 for an MSET of two keys, 0 for
 *     a write that changed nothing), then the AOF record blob: this batch's propagated commands sealed as ONE record
 *     of the current incremental AOF file (the enclave's SealedAof: length u32, then the AES-GCM ciphertext), to be
 *     appended to that file as it is; empty when no incremental file is open ({@link #AOF_INCR}: the AOF is off) or
 *     the batch propagated nothing. "Deny writes" is "" to run every command, else the error line without its
 *     leading '-' and CRLF (e.g. {@code MISCONF Errors writing to the AOF file: No space left on device}; it must
 *     hold no CR or LF, or the request is refused) that every command flagged write and PING answer instead of
 *     running, as Redis's MISCONF does; other commands run. A command's database is its client's SELECTed one (the
 *     host tracks it: a SELECT the engine answers OK switches its client for the commands after it); the request is
 *     refused, before any of its commands runs, if one names a database the keyspace does not have. The AOF record
 *     holds a {@code SELECT n} before a command whose database differs from the previous one's (each incremental
 *     file starts in database 0), as Redis's feedAppendOnlyFile.</li>
 * <li>{@link #STAGE} (n u32, then per piece: argument length u64, offset u64, piece blob) -> nothing: copies pieces
 *     of the arguments of a command too large for the request buffer into the enclave, in order (the request is
 *     read whole before any piece is staged); a piece at offset 0 starts the next argument (of at most
 *     proto-max-bulk-len bytes, 1 GiB in all), other offsets continue the last one in order. The next EXEC runs the
 *     staged command where a command's argc is {@link #ARGC_STAGED} (no argument blobs follow), which must find every
 *     staged argument complete; any EXEC drops what it did not take. A piece out of order or over a limit is refused
 *     and drops everything staged.</li>
 * <li>{@link #CONFIG} (n u32, then per setting: name string, value u64) -> nothing: the encoding thresholds the
 *     engine follows from now on (hash-max-listpack-entries, hash-max-listpack-value, set-max-intset-entries,
 *     zset-max-listpack-entries, zset-max-listpack-value; each 0..LONG_MAX), the host's CONFIG SET of them. Refused
 *     whole, changing nothing, if one names anything else or is out of range.</li>
 * <li>{@link #STATS} () -> keys u64, keys with a deadline u64 (both of every database), bytes allocated u64, private
 *     pages u64, pages shared with a fork u64, pages copied on write u64, then n u32 and per database that holds
 *     keys, ascending: index u32, keys u64, keys with a deadline u64, average TTL in ms u64 (the active expiry's
 *     estimate, 0 before it sampled the database; INFO keyspace's lines), then the keys deleted because their
 *     deadline passed since the container opened u64 (lazily or by {@link #ACTIVE_EXPIRE}; INFO's expired_keys), the
 *     active expiry's estimate of the share of keys past their deadline in millionths u64 (expired_stale_perc), the
 *     cycles that ran out of time u64 (expired_time_cap_reached_count) and the cycles' time in µs u64
 *     (expire_cycle_cpu_milliseconds).</li>
 * <li>{@link #ACTIVE_EXPIRE} (budget in microseconds u64) -> keys deleted u64, then the AOF record blob (as
 *     {@link #EXEC}'s: a {@code DEL key} per deleted key, after a {@code SELECT n} where the database changes; empty
 *     if nothing was deleted or the AOF is off): one cycle of Redis's active expiry (expire.c activeExpireCycle,
 *     slow), which the host runs from its cron, {@code hz} times a second, with Redis's budget of 25% of a tick.
 *     The budget is the host's word, so the enclave cuts it to at most 500 ms. Refused before {@link #OPEN} and in
 *     a fork's child.</li>
 * <li>{@link #SAVE} () -> the sealed snapshot stream (the enclave's SealedSnapshot format over an RDB stream) of the
 *     container's dataset; a forked child saves the dataset at its fork.</li>
 * <li>{@link #CHECKPOINT} () -> the dataset's pages as sealed checkpoint records, for a conventional fork
 *     (the enclave's HeapCheckpoint); {@link #RESTORE} (one record blob) -> done u32 (1 after the last record), in the
 *     child's new enclave.</li>
 * <li>{@link #EXPORT} (snapshot path string) -> the snapshot's plain RDB stream, unsealed in the enclave only
 *     after the whole snapshot authenticated (a first pass checks every record and the last one's marker and
 *     releases nothing). Exit {@link #EXIT_BAD_SNAPSHOT} with the reason (never a path) otherwise.</li>
 * <li>{@link #AOF_LOAD} (space bytes u64, databases u32 (as {@link #OPEN}), load truncated u32 (1: Redis's aof-load-truncated yes), n u32, then per
 *     part in manifest order: kind u32 ({@link #AOF_PART_BASE} first, then {@link #AOF_PART_INCR}s), name string
 *     (the path under the container's root, e.g. "appendonlydir/appendonly.aof.1.incr.aof")) -> keys u64, next
 *     record sequence number u64, n u32, then per part: records replayed u64 (0 for the base), valid bytes u64
 *     (where its last whole record ends; -1 for the base), then the part that ended in a torn record u32
 *     ({@link #NO_PART} if none; only the last part may, and only with load truncated 1) and Redis's warning about
 *     it (string, "" if none): the host then cuts that file to its valid bytes and logs the warning. Instead of
 *     {@link #OPEN}: creates the keyspace and replays the chain. Exit {@link #EXIT_BAD_AOF} with a message naming
 *     the file (and the record) if any part does not authenticate, belongs to another database or lineage, does not
 *     continue the chain, or (load truncated 0) ends inside a record: nothing is loaded.</li>
 * <li>{@link #AOF_BASE} () -> the sealed AOF base stream of the dataset (a SealedSnapshot of an RDB stream that carries
 *     the AOF lineage and the next record's sequence number, keys past their deadline included). If the dataset
 *     has no AOF lineage yet it starts one (a writable dataset only: the host's first base when it turns the AOF on);
 *     a fork's child writes its parent's position as at the fork (BGREWRITEAOF).</li>
 * <li>{@link #AOF_INCR} () -> header blob, first sequence number u64: opens a new incremental file with a fresh data
 *     key, continuing the chain at the next record; every later EXEC's record is sealed for it. The host writes the
 *     header as the file's first bytes (and forces it) before it names the file in the manifest. Refused before the
 *     dataset has an AOF lineage ({@link #AOF_BASE} or {@link #AOF_LOAD} first) and in a fork's child.</li>
 * <li>{@link #AOF_OFF} () -> nothing: closes the incremental file, so later EXECs seal no record (CONFIG SET
 *     appendonly no). The lineage and next sequence number stay: a base written later continues them.</li>
 * <li>{@link #EXPORT_AOF} (space bytes u64, databases u32, n u32, parts as {@link #AOF_LOAD}) -> warning string ("" if none), then the
 *     plain RDB stream of the AOF-recovered dataset to the end: the chain loads in a dataset of its own (a torn tail
 *     as aof-load-truncated yes, nothing cut), and no plaintext leaves before all of it authenticated. Exit
 *     {@link #EXIT_BAD_AOF} with the reason otherwise.</li>
 * <li>{@link #COMMANDS} () -> the engine's command table, for the server's COMMAND: n u32, then per command in
 *     name order: name string (lower case), arity, first key, last key, step (each an i32 as a u32, two's
 *     complement; Redis's legacy key positions, 0 0 0 for none), flags (a u32, bit i for the engine's
 *     CommandSpec.Flag of ordinal i: bit 0 WRITE, which the host's CLIENT PAUSE WRITE reads). It is the program's code, not the dataset's, so
 *     it needs no {@link #OPEN} and never changes while the container runs.</li>
 * </ul>
 * A conventional fork's child ({@link #RESTORE}) gets the parent's AOF position inside the sealed checkpoint, a shared
 * fork's child from the parent's enclave state: never from the host.
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
    public static final int AOF_LOAD = 9;
    public static final int AOF_BASE = 10;
    public static final int AOF_INCR = 11;
    public static final int EXPORT_AOF = 12;
    public static final int AOF_OFF = 13;
    public static final int ACTIVE_EXPIRE = 14;
    public static final int STAGE = 15;
    public static final int CONFIG = 16;

    /** An EXEC command's argc that means "the command {@link #STAGE} put together". */
    public static final long ARGC_STAGED = 0xFFFF_FFFFL;

    /** A part of an AOF chain: its base (first, exactly one) or an incremental file. */
    public static final int AOF_PART_BASE = 1;

    public static final int AOF_PART_INCR = 2;
    /** {@link #AOF_LOAD}'s "no part was cut". */
    public static final long NO_PART = 0xFFFF_FFFFL;

    /** Exit status: the snapshot is not this container's, was changed, or is not a snapshot. */
    public static final int EXIT_BAD_SNAPSHOT = 3;
    /** Exit status: the request does not fit the state (EXEC before OPEN, RESTORE out of order...). */
    public static final int EXIT_BAD_REQUEST = 2;
    /** Exit status: the append-only file does not load (a part changed, reordered, foreign, cut or out of chain). */
    public static final int EXIT_BAD_AOF = 4;
}
