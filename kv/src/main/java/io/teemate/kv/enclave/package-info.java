/**
 * Enclave side of the database: keyspace and command execution. Every byte of keys and values lives in enclave
 * pages behind a {@link io.teemate.enclave.memory.CowSpace}; the host sees only RESP request and reply bytes.
 * <p>Use: {@code Keyspace ks = Keyspace.create(new CowSpace(heap, size), clock, seed);
 * byte[] reply = new CommandEngine(ks, seed).execute(argv);} and for a snapshot
 * {@code Keyspace.attach(space.fork(), clock)}, read with {@link io.teemate.kv.enclave.Keyspace#forEach}.
 */
package io.teemate.kv.enclave;
