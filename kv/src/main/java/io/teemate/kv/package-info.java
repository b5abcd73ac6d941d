/**
 * The confidential Redis-compatible database (issue 6).
 * <ul>
 * <li>{@link io.teemate.kv.enclave}: the code that sees plaintext and runs inside the enclave: the
 *     {@link io.teemate.kv.enclave.Keyspace} (the whole dataset laid out in one copy-on-write
 *     {@link io.teemate.enclave.memory.CowSpace}, so a fork of the space is a snapshot) and the
 *     {@link io.teemate.kv.enclave.CommandEngine} (one command in, its RESP2 reply out).</li>
 * <li>{@link io.teemate.kv.host}: the untrusted side: the RESP2 wire protocol ({@link io.teemate.kv.host.Resp}),
 *     the server and its own commands, the database container and its snapshot files. It talks to the enclave half
 *     only through the container's invocations.</li>
 * <li>{@link io.teemate.kv.abi}: what both halves speak: the invocation protocol
 *     ({@link io.teemate.kv.abi.KvAbi}) and Redis's pattern language ({@link io.teemate.kv.abi.Glob}).</li>
 * </ul>
 */
package io.teemate.kv;
