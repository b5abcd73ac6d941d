/**
 * What both halves of the database speak, and nothing that runs only on one side: the host's
 * {@link io.teemate.kv.host} and the enclave's {@link io.teemate.kv.enclave} both depend on this package, and it
 * depends on neither (only on {@link io.teemate.abi}). As {@code io.teemate.abi} is for the runtime, it is the kv
 * program's shared vocabulary.
 * <ul>
 * <li>{@link io.teemate.kv.abi.KvAbi}: the container's invocation protocol (operation numbers, request and reply
 *     layouts, exit statuses). The host writes the requests and reads the replies; the enclave's program does the
 *     reverse. One definition, so the two cannot drift.</li>
 * <li>{@link io.teemate.kv.abi.Glob}: Redis's glob-style pattern language, which belongs to the protocol Redis
 *     clients speak rather than to either side's implementation. The enclave matches keys with it (KEYS, SCAN
 *     MATCH: they read the dataset, so they run inside); the host matches its own names with it (CONFIG GET's
 *     parameters; later PSUBSCRIBE's channels, since the server keeps the subscriptions). It is a pure function
 *     of two byte strings with no state, so one copy serves both sides, and on the host it only ever sees the
 *     host's own names, never the dataset.</li>
 * </ul>
 */
package io.teemate.kv.abi;
