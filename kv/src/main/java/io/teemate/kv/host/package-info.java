/**
 * Host side of the database: the RESP2 protocol, the server and its own commands (INFO, SAVE, BGSAVE, CONFIG,
 * COMMAND, CLIENT, QUIT), the database container and its snapshot files. Sees no plaintext data at rest; talks to
 * the enclave half only through the container's invocations ({@link io.teemate.kv.abi.KvAbi}).
 */
package io.teemate.kv.host;
