package io.teemate.kv.host;

import io.teemate.abi.Wire;
import io.teemate.host.container.Container;
import io.teemate.host.container.ContainerManager;
import io.teemate.host.container.Mode;
import io.teemate.kv.abi.KvAbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import redis.clients.jedis.Jedis;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands larger than the enclave's 1 MiB request buffer (issue 14: "the 1 MiB request buffer is no limit a client
 * can see"): the host stages them into the enclave in pieces ({@link KvAbi#STAGE}), they run whole, are logged to
 * the AOF whole and come back after a restart; the staging area takes nothing from the host it cannot check.
 */
class LargeCommandsTest {
    @TempDir
    Path dir;

    private static final Random RANDOM = new Random(14);

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private static List<byte[]> cmd(Object... words) {
        List<byte[]> argv = new ArrayList<>();
        for (Object w : words) {
            argv.add(w instanceof byte[] b ? b : w.toString().getBytes(StandardCharsets.ISO_8859_1));
        }
        return argv;
    }

    private static byte[] run(KvDatabase db, Object... words) {
        return db.execute(List.of(cmd(words))).get(0);
    }

    private static String text(byte[] reply) {
        return new String(reply, StandardCharsets.ISO_8859_1);
    }

    private static byte[] bulk(byte[] value) {
        byte[] head = ("$" + value.length + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(head, head.length + value.length + 2);
        System.arraycopy(value, 0, out, head.length, value.length);
        out[out.length - 2] = '\r';
        out[out.length - 1] = '\n';
        return out;
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void commandsOverTheRequestBufferRunWholeAndSurviveARestartThroughTheAof(Mode mode) throws Exception {
        Path data = dir.resolve("db");
        KvOptions options = new KvOptions(data, mode, "256M", 128)
                .withAof(KvOptions.Aof.DEFAULTS.withEnabled(true).withFsync(KvOptions.Aof.Fsync.ALWAYS));
        byte[] big = bytes(5 << 20);
        byte[] more = bytes(3 << 20);
        byte[] element = bytes((1 << 20) + 1);
        Object[] sadd = new Object[2 + 150_000];
        sadd[0] = "SADD";
        sadd[1] = "members";
        for (int i = 0; i < 150_000; i++) {
            sadd[2 + i] = "member:" + i;
        }
        byte[] joined = Arrays.copyOf(big, big.length + more.length);
        System.arraycopy(more, 0, joined, big.length, more.length);
        try (KvDatabase db = KvDatabase.open(options)) {
            // a small command before and after the staged one, in the same call: replies stay in order
            List<byte[]> replies =
                    db.execute(List.of(cmd("SET", "small", "1"), cmd("SET", "big", big), cmd("INCR", "small")));
            assertThat(replies.stream().map(LargeCommandsTest::text)).containsExactly("+OK\r\n", "+OK\r\n", ":2\r\n");
            assertThat(text(run(db, "APPEND", "big", more))).isEqualTo(":" + joined.length + "\r\n");
            assertThat(text(run(db, "RPUSH", "list", "a", element, "z"))).isEqualTo(":3\r\n");
            assertThat(text(run(db, sadd))).isEqualTo(":150000\r\n");
            assertThat(run(db, "GET", "big")).isEqualTo(bulk(joined));
        }
        try (KvDatabase db = KvDatabase.open(options)) {
            assertThat(run(db, "GET", "big")).isEqualTo(bulk(joined));
            assertThat(run(db, "LINDEX", "list", "1")).isEqualTo(bulk(element));
            assertThat(text(run(db, "SCARD", "members"))).isEqualTo(":150000\r\n");
            assertThat(text(run(db, "SISMEMBER", "members", "member:149999"))).isEqualTo(":1\r\n");
            assertThat(text(run(db, "GET", "small"))).isEqualTo("$1\r\n2\r\n");
        }
    }

    @Test
    void aLargeValueSurvivesASnapshot() throws Exception {
        Path data = dir.resolve("db");
        KvOptions options = new KvOptions(data, Mode.SHARED, "256M", 128);
        byte[] big = bytes(3 << 20);
        try (KvDatabase db = KvDatabase.open(options)) {
            assertThat(text(run(db, "SET", "big", big))).isEqualTo("+OK\r\n");
            db.save();
        }
        try (KvDatabase db = KvDatabase.open(options)) {
            assertThat(run(db, "GET", "big")).isEqualTo(bulk(big));
        }
    }

    @Test
    void aRedisClientSendsAndReadsAValueOfEightMebibytes() throws Exception {
        byte[] big = bytes(8 << 20);
        try (RunningKv kv = RunningKv.start(dir.resolve("db"), Mode.SHARED);
                Jedis j = new Jedis("127.0.0.1", kv.port())) {
            assertThat(j.set("big".getBytes(StandardCharsets.US_ASCII), big)).isEqualTo("OK");
            assertThat(j.get("big".getBytes(StandardCharsets.US_ASCII))).isEqualTo(big);
            assertThat(j.strlen("big")).isEqualTo(big.length);
        }
    }

    // --- the host's side of staging is hostile: the enclave checks every piece ---

    private static Container.Outcome invoke(KvDatabase db, Wire.Writer request) throws ReflectiveOperationException {
        ContainerManager manager = (ContainerManager) field(db, "manager");
        Container server = (Container) field(db, "server");
        return manager.invoke(server, request.toBytes());
    }

    private static Object field(KvDatabase db, String name) throws ReflectiveOperationException {
        Field f = KvDatabase.class.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(db);
    }

    private static Wire.Writer stage(long length, long offset, byte[] piece) {
        return new Wire.Writer().u32(KvAbi.STAGE).u32(1).u64(length).u64(offset).blob(piece);
    }

    private static Wire.Writer execStaged() {
        return new Wire.Writer().u32(KvAbi.EXEC).string("").u32(1).u32(0).u32(KvAbi.ARGC_STAGED);
    }

    private static String refusal(Container.Outcome o) {
        assertThat(o.exitCode()).as("refused: %s", o.stdoutText()).isNotZero();
        return o.stdoutText();
    }

    @Test
    void stagingRefusesPiecesOutOfOrderOrOverItsLimitsAndRunsNothingIncomplete() throws Exception {
        try (KvDatabase db = KvDatabase.open(new KvOptions(dir.resolve("db"), Mode.SHARED, "16M", 128))) {
            byte[] set = "SET".getBytes(StandardCharsets.US_ASCII);
            byte[] key = "k".getBytes(StandardCharsets.US_ASCII);
            assertThat(refusal(invoke(db, execStaged()))).contains("no command is staged");
            assertThat(refusal(invoke(db, stage(1L << 40, 0, new byte[0])))).contains("proto-max-bulk-len");
            assertThat(refusal(invoke(db, stage(-1, 0, new byte[0])))).contains("proto-max-bulk-len");
            assertThat(refusal(invoke(db, stage(4, 1, new byte[1])))).contains("does not continue");
            assertThat(refusal(invoke(db, stage(2, 0, new byte[3])))).contains("overruns");
            // an argument left incomplete is never run
            assertThat(invoke(db, stage(3, 0, set)).exitCode()).isZero();
            assertThat(invoke(db, stage(1, 0, key)).exitCode()).isZero();
            assertThat(invoke(db, stage(10, 0, new byte[4])).exitCode()).isZero();
            assertThat(refusal(invoke(db, execStaged()))).contains("4 of its 10 bytes");
            // a piece that skips ahead drops the whole staged command
            assertThat(invoke(db, stage(3, 0, set)).exitCode()).isZero();
            assertThat(invoke(db, stage(1, 0, key)).exitCode()).isZero();
            assertThat(invoke(db, stage(4, 0, new byte[2])).exitCode()).isZero();
            assertThat(refusal(invoke(db, stage(4, 3, new byte[1])))).contains("does not continue");
            assertThat(refusal(invoke(db, execStaged()))).contains("no command is staged");
            // a command staged but not taken by the next EXEC is dropped by it
            assertThat(invoke(db, stage(3, 0, set)).exitCode()).isZero();
            assertThat(invoke(db, stage(1, 0, key)).exitCode()).isZero();
            assertThat(invoke(db, stage(1, 0, "v".getBytes(StandardCharsets.US_ASCII)))
                            .exitCode())
                    .isZero();
            assertThat(text(run(db, "EXISTS", "k"))).isEqualTo(":0\r\n");
            assertThat(refusal(invoke(db, execStaged()))).contains("no command is staged");
            // and a complete one runs
            for (byte[] a : List.of(set, key, "v".getBytes(StandardCharsets.US_ASCII))) {
                assertThat(invoke(db, stage(a.length, 0, a)).exitCode()).isZero();
            }
            Container.Outcome ran = invoke(db, execStaged());
            assertThat(ran.exitCode()).isZero();
            assertThat(text(run(db, "GET", "k"))).isEqualTo("$1\r\nv\r\n");
        }
    }
}
