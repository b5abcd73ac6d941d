/**
 * Enclave side of the database: keyspace and command execution. Every byte of keys and values lives in enclave
 * pages behind a {@link io.teemate.enclave.memory.CowSpace}; the host sees only RESP request and reply bytes.
 * <p>Use: {@code Keyspace ks = Keyspace.create(new CowSpace(heap, size), clock, seed);
 * byte[] reply = new CommandEngine(ks, seed).execute(argv);} and for a snapshot
 * {@code Keyspace.attach(space.fork(), clock)}, read with {@link io.teemate.kv.enclave.Keyspace#forEach}.
 * <p>Snapshots and exports are Redis RDB streams: {@link io.teemate.kv.enclave.RdbWriter#write} streams a keyspace
 * view (typically of a fork) as RDB 10, which Redis 7.0 loads, and {@link io.teemate.kv.enclave.RdbReader#read}
 * loads one into an empty keyspace.
 */
package io.teemate.kv.enclave;
