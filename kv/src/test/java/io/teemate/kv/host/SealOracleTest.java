package io.teemate.kv.host;

import io.teemate.abi.RuntimeAbi;
import io.teemate.abi.Wire;
import io.teemate.host.container.Container;
import io.teemate.host.container.ContainerManager;
import io.teemate.host.container.EcallReply;
import io.teemate.host.container.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Security review finding 7: the container's untrusted host process (it holds the session token) calls
 * ECALL_SEAL / ECALL_UNSEAL. Those must not open the snapshot's data key, nor seal one the database accepts.
 * The test stands in for the host process by reaching KvDatabase's manager and container by reflection.
 */
class SealOracleTest {
    @TempDir
    Path dir;

    private static List<byte[]> cmd(String... w) {
        return Stream.of(w).map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
    }

    private static Object field(KvDatabase db, String name) throws ReflectiveOperationException {
        Field f = KvDatabase.class.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(db);
    }

    private static EcallReply ecall(KvDatabase db, long ecall, byte[] blob) throws ReflectiveOperationException {
        ContainerManager manager = (ContainerManager) field(db, "manager");
        Container server = (Container) field(db, "server");
        return manager.call(server, ecall, new Wire.Writer().blob(blob).toBytes());
    }

    @Test
    void theHostCannotUnsealTheSnapshotKeyNorForgeASnapshot() throws Exception {
        Path data = dir.resolve("db");
        byte[] forged;
        try (KvDatabase db = KvDatabase.open(new KvOptions(data, Mode.SHARED, "16M", 128))) {
            db.execute(List.of(cmd("SET", "balance", "100")));
            db.save();
            byte[] file = Files.readAllBytes(data.resolve(KvDatabase.SNAPSHOT));
            ByteBuffer head = ByteBuffer.wrap(file, 8, 8);
            int version = head.getInt();
            int keyLen = head.getInt();
            byte[] keyBlob = Arrays.copyOfRange(file, 16, 16 + keyLen);

            // 1. The host asks the unseal ecall for the snapshot's data key: refused.
            EcallReply opened = ecall(db, RuntimeAbi.ECALL_UNSEAL, keyBlob);
            assertThat(opened.ok())
                    .as("ECALL_UNSEAL opens the snapshot's data key (%d bytes)", opened.body().length)
                    .isFalse();

            // 2. The host seals a data key of its choosing through the seal ecall and builds a snapshot with it.
            byte[] chosen = new byte[48];
            Arrays.fill(chosen, (byte) 7);
            byte[] forgedKeyBlob = ecall(db, RuntimeAbi.ECALL_SEAL, chosen).orThrow("seal");
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            header.write(Arrays.copyOf(file, 8));
            header.write(ByteBuffer.allocate(8)
                    .putInt(version)
                    .putInt(forgedKeyBlob.length)
                    .array());
            header.write(forgedKeyBlob);
            byte[] headerBytes = header.toByteArray();
            byte[] rdb = balanceRdb("999");
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(
                    Cipher.ENCRYPT_MODE,
                    new SecretKeySpec(Arrays.copyOf(chosen, 32), "AES"),
                    new GCMParameterSpec(
                            128, ByteBuffer.allocate(12).putInt(0).putLong(0).array()));
            c.updateAAD(ByteBuffer.allocate(32 + 9)
                    .put(MessageDigest.getInstance("SHA-256").digest(headerBytes))
                    .putLong(0)
                    .put((byte) 1)
                    .array());
            byte[] sealed = c.doFinal(rdb);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(headerBytes);
            out.write(ByteBuffer.allocate(5).put((byte) 1).putInt(sealed.length).array());
            out.write(sealed);
            forged = out.toByteArray();
        }
        Files.write(data.resolve(KvDatabase.SNAPSHOT), forged);

        // 3. Restarted on the host-made snapshot: refused at load, with the reason; it never serves 999.
        KvException refused = null;
        try (KvDatabase db = KvDatabase.open(new KvOptions(data, Mode.SHARED, null, 128))) {
            String balance =
                    new String(db.execute(List.of(cmd("GET", "balance"))).get(0), StandardCharsets.UTF_8);
            assertThat(balance)
                    .as("the database serves the host's forged value")
                    .doesNotContain("999");
        } catch (KvException e) {
            refused = e;
        }
        assertThat(refused).as("the forged snapshot is refused at load").isNotNull();
        assertThat(refused.getMessage())
                .contains("refusing to start")
                .contains(KvDatabase.SNAPSHOT)
                .contains("not sealed by this container");
        assertThat(Files.readAllBytes(data.resolve(KvDatabase.SNAPSHOT)))
                .as("left untouched")
                .isEqualTo(forged);
    }

    /** A minimal RDB (version 10): db 0, string "balance" = {@code value}, EOF, checksum 0 (not checked). */
    private static byte[] balanceRdb(String value) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("REDIS0010".getBytes(StandardCharsets.US_ASCII));
        b.write(0xFE);
        b.write(0);
        b.write(0); // RDB_TYPE_STRING
        b.write(7);
        b.writeBytes("balance".getBytes(StandardCharsets.US_ASCII));
        b.write(value.length());
        b.writeBytes(value.getBytes(StandardCharsets.US_ASCII));
        b.write(0xFF);
        b.writeBytes(new byte[8]);
        return b.toByteArray();
    }
}
