package io.teemate.bench.micro;

import io.teemate.enclave.memory.CowSpace;
import io.teemate.enclave.memory.EnclaveMemory;
import io.teemate.enclave.memory.EnclavePageAllocator;
import io.teemate.enclave.memory.ThreadBoundMemory;
import io.teemate.host.container.Mode;
import io.teemate.kv.enclave.CommandEngine;
import io.teemate.kv.enclave.Keyspace;
import io.teemate.kv.host.KvDatabase;
import io.teemate.kv.host.KvOptions;
import io.teemate.sgx.cost.InstructionCounters;
import io.teemate.sgx.program.EnclaveContext;
import io.teemate.sgx.program.EnclaveProgram;
import io.teemate.sgx.struct.GprSgx;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * GET and SET of the confidential database, from the engine down, on {@value #KEYS} keys with 64-byte values:
 * <ul>
 *   <li>{@code plainGet/plainSet}: {@link CommandEngine} on a {@link Keyspace} in a {@link CowSpace} over
 *       {@link PlainMemory} (as the kv tests' {@code KvRig}): the engine and keyspace alone;</li>
 *   <li>{@code enclaveGet/enclaveSet}: the same engine inside an enclave, the keyspace's pages heap pages of a real
 *       emulated enclave, every access through the processor's checks; {@value #BATCH} commands per ECALL (the
 *       ECALL amortized; one operation = one command). Minus the plain numbers: what checked memory costs a command;</li>
 *   <li>{@link #databaseSet64}: {@code KvDatabase.execute} of {@value #BATCH} SETs: the whole host path (requests
 *       serialized into the enclave's request buffer, one ECALL through the container manager and TCS table, the
 *       replies copied out) in shared mode; one operation = the batch.</li>
 * </ul>
 * The command argument lists are made once in setup (in the enclave: at INIT, kept in enclavePrivate), so the
 * numbers are the engine's, not the allocation of requests.
 */
@org.openjdk.jmh.annotations.BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class KvBench {
    static final int KEYS = 1024;
    static final int BATCH = 64;
    static final int HEAP_PAGES = 1024;
    static final long SPACE_BYTES = 4L << 20;
    static final long INIT = 1;
    static final long RUN_GETS = 2;
    static final long RUN_SETS = 3;

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** The keyspace, its engine and the prepared GET and SET argument lists. */
    static final class Db {
        final CommandEngine engine;
        final List<List<byte[]>> gets = new ArrayList<>();
        final List<List<byte[]>> sets = new ArrayList<>();
        int next;

        Db(EnclaveMemory memory, long heap) {
            CowSpace space =
                    new CowSpace(new EnclavePageAllocator(memory, heap, HEAP_PAGES, HEAP_PAGES, null), SPACE_BYTES);
            engine = new CommandEngine(Keyspace.create(space, () -> 1_700_000_000_000L, 42), 7);
            byte[] value = new byte[64];
            Arrays.fill(value, (byte) 'v');
            for (int i = 0; i < KEYS; i++) {
                byte[] key = ascii("key:" + i);
                gets.add(List.of(ascii("GET"), key));
                sets.add(List.of(ascii("SET"), key, value));
                engine.execute(sets.get(i));
            }
            byte[] reply = engine.execute(gets.get(KEYS - 1));
            if (reply.length != 5 + 64 + 2 || !new String(reply, 0, 5, StandardCharsets.US_ASCII).equals("$64\r\n")) {
                throw new IllegalStateException(
                        "GET of a stored key answered " + new String(reply, StandardCharsets.ISO_8859_1));
            }
        }

        /** {@code n} commands from {@code list}, round robin over the keys; returns the reply bytes (kept live). */
        long run(List<List<byte[]>> list, int n) {
            long bytes = 0;
            for (int i = 0; i < n; i++) {
                bytes += engine.execute(list.get(next)).length;
                next = (next + 1) % KEYS;
            }
            return bytes;
        }
    }

    /** The enclave: INIT builds the database in the heap; RUN_GETS / RUN_SETS run RSI commands (RAX = reply bytes). */
    public static final class KvProgram implements EnclaveProgram {
        @Override
        public void enter(EnclaveContext ctx) {
            var r = ctx.registers();
            long fn = r.get(GprSgx.RDI);
            long heap = r.get(GprSgx.R9);
            ThreadBoundMemory memory =
                    ctx.enclavePrivate().computeIfAbsent(ThreadBoundMemory.class, ThreadBoundMemory::new);
            memory.run(ctx, () -> {
                if (fn == INIT) {
                    ctx.enclavePrivate().computeIfAbsent(Db.class, () -> new Db(memory, heap));
                    return;
                }
                Db db = ctx.enclavePrivate().get(Db.class);
                int n = (int) r.get(GprSgx.RSI);
                r.set(GprSgx.RAX, db.run(fn == RUN_GETS ? db.gets : db.sets, n));
            });
        }
    }

    @State(Scope.Benchmark)
    public static class Plain {
        Db db;

        @Setup(Level.Trial)
        public void setUp() {
            db = new Db(new PlainMemory(0x10_0000L, HEAP_PAGES), 0x10_0000L);
        }
    }

    @State(Scope.Benchmark)
    public static class InEnclave {
        MicroRig rig;
        InstructionCounters.Snapshot before;
        long ops;

        @Setup(Level.Trial)
        public void setUp() {
            rig = new MicroRig(new KvProgram(), HEAP_PAGES, 16);
            rig.ecall(INIT, 0, 0, 0);
            before = rig.counters();
        }

        @TearDown(Level.Trial)
        public void report(BenchmarkParams params) {
            System.out.println(
                    MicroRig.modeledLine(params.getBenchmark() + " (per command)", before, rig.counters(), ops));
        }
    }

    @State(Scope.Benchmark)
    public static class Database {
        Path dir;
        KvDatabase db;
        List<List<byte[]>> sets = new ArrayList<>();
        int round;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            dir = Files.createTempDirectory("teemate-kvbench");
            db = KvDatabase.open(new KvOptions(dir, Mode.SHARED, "64M", 128));
            byte[] value = new byte[64];
            Arrays.fill(value, (byte) 'v');
            for (int i = 0; i < KEYS; i++) {
                sets.add(List.of(ascii("SET"), ascii("key:" + i), value));
            }
            List<byte[]> replies = db.execute(sets.subList(0, BATCH));
            if (!new String(replies.get(BATCH - 1), StandardCharsets.US_ASCII).equals("+OK\r\n")) {
                throw new IllegalStateException(
                        "SET answered " + new String(replies.get(BATCH - 1), StandardCharsets.ISO_8859_1));
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            db.close();
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Benchmark
    public long plainGet(Plain s) {
        return s.db.run(s.db.gets, 1);
    }

    @Benchmark
    public long plainSet(Plain s) {
        return s.db.run(s.db.sets, 1);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long enclaveGet(InEnclave s) {
        s.ops += BATCH;
        return s.rig.ecall(RUN_GETS, BATCH, 0, 0);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long enclaveSet(InEnclave s) {
        s.ops += BATCH;
        return s.rig.ecall(RUN_SETS, BATCH, 0, 0);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<byte[]> databaseSet64(Database s) {
        int from = (s.round++ % (KEYS / BATCH)) * BATCH;
        return s.db.execute(s.sets.subList(from, from + BATCH));
    }
}
