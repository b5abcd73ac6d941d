package io.teemate.kv.enclave;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Random;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sealed snapshot record format: round trip, and every change, cut, reorder or foreign key refused. */
class SealedSnapshotTest {
    /** Stands for the container's sealing: a blob "sealed" by one owner opens only for that owner. */
    private static UnaryOperator<byte[]> sealBy(byte owner) {
        return b -> {
            byte[] out = Arrays.copyOf(b, b.length + 1);
            out[b.length] = owner;
            return out;
        };
    }

    private static UnaryOperator<byte[]> unsealBy(byte owner) {
        return b -> b.length > 0 && b[b.length - 1] == owner ? Arrays.copyOf(b, b.length - 1) : null;
    }

    private static byte[] seal(byte[] plain) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream w = SealedSnapshot.writer(sealBy((byte) 1), sink, new SecureRandom())) {
            // written in odd pieces, across record boundaries
            for (int at = 0; at < plain.length; ) {
                int n = Math.min(plain.length - at, 77_777);
                w.write(plain, at, n);
                at += n;
            }
        }
        return sink.toByteArray();
    }

    private static byte[] unseal(byte[] sealed) throws IOException {
        try (InputStream r = SealedSnapshot.reader(unsealBy((byte) 1), new ByteArrayInputStream(sealed))) {
            return r.readAllBytes();
        }
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    @Test
    void roundTripsEmptySmallAndMultiRecordStreams() throws IOException {
        for (int n : new int[] {0, 1, SealedSnapshot.RECORD_SIZE, 2 * SealedSnapshot.RECORD_SIZE + 123}) {
            byte[] plain = random(n);
            byte[] sealed = seal(plain);
            assertThat(unseal(sealed)).as("%d bytes", n).isEqualTo(plain);
            if (n > 64) {
                assertThat(indexOf(sealed, Arrays.copyOfRange(plain, 0, 32)))
                        .as("no plaintext in the file")
                        .isNegative();
            }
        }
    }

    @Test
    void twoSealsOfTheSameDataDiffer() throws IOException {
        byte[] plain = random(1000);
        assertThat(seal(plain)).isNotEqualTo(seal(plain));
    }

    @Test
    void everyChangedByteIsRefused() throws IOException {
        byte[] sealed = seal(random(SealedSnapshot.RECORD_SIZE + 500));
        Random r = new Random(7);
        for (int i = 0; i < 40; i++) {
            byte[] bad = sealed.clone();
            int at = r.nextInt(bad.length);
            bad[at] ^= (byte) (1 << r.nextInt(8));
            assertThatThrownBy(() -> unseal(bad)).as("byte %d changed", at).isInstanceOf(SnapshotException.class);
        }
    }

    @Test
    void aCutShortStreamAndTrailingBytesAreRefused() throws IOException {
        byte[] sealed = seal(random(3 * SealedSnapshot.RECORD_SIZE / 2));
        assertThatThrownBy(() -> unseal(Arrays.copyOf(sealed, sealed.length - 1)))
                .hasMessageContaining("cut short");
        int firstRecordEnd = indexOfRecordEnd(sealed);
        assertThatThrownBy(() -> unseal(Arrays.copyOf(sealed, firstRecordEnd)))
                .hasMessageContaining("record 1 is missing");
        byte[] longer = Arrays.copyOf(sealed, sealed.length + 1);
        assertThatThrownBy(() -> unseal(longer)).hasMessageContaining("after its last record");
    }

    @Test
    void recordsOfAnotherSnapshotOrInAnotherOrderAreRefused() throws IOException {
        byte[] a = seal(random(2 * SealedSnapshot.RECORD_SIZE + 10));
        byte[] b = seal(random(2 * SealedSnapshot.RECORD_SIZE + 10));
        int headerEnd = headerLength(a);
        // a's header with b's records: b's data key differs, so b's first record fails under a's key
        byte[] spliced = concat(Arrays.copyOf(a, headerEnd), Arrays.copyOfRange(b, headerLength(b), b.length));
        assertThatThrownBy(() -> unseal(spliced)).hasMessageContaining("record 0 fails authentication");
        // a's records 1 and 0 swapped
        int r0 = headerEnd;
        int r1 = r0 + 5 + readInt(a, r0 + 1);
        int r2 = r1 + 5 + readInt(a, r1 + 1);
        byte[] swapped = concat(
                Arrays.copyOf(a, r0),
                Arrays.copyOfRange(a, r1, r2),
                Arrays.copyOfRange(a, r0, r1),
                Arrays.copyOfRange(a, r2, a.length));
        assertThatThrownBy(() -> unseal(swapped)).hasMessageContaining("record 0 fails authentication");
    }

    @Test
    void anotherOwnersSnapshotIsRefusedBeforeAnyRecord() throws IOException {
        byte[] sealed = seal(random(100));
        assertThatThrownBy(() -> SealedSnapshot.reader(unsealBy((byte) 2), new ByteArrayInputStream(sealed)))
                .isInstanceOf(SnapshotException.class)
                .hasMessageContaining("not sealed by this container");
        assertThatThrownBy(() ->
                        SealedSnapshot.reader(unsealBy((byte) 1), new ByteArrayInputStream("REDIS0010".getBytes())))
                .hasMessageContaining("not a sealed snapshot");
    }

    private static int headerLength(byte[] sealed) {
        return SealedSnapshot.MAGIC.length + 8 + readInt(sealed, SealedSnapshot.MAGIC.length + 4);
    }

    private static int indexOfRecordEnd(byte[] sealed) {
        int r0 = headerLength(sealed);
        return r0 + 5 + readInt(sealed, r0 + 1);
    }

    private static int readInt(byte[] b, int at) {
        return java.nio.ByteBuffer.wrap(b, at, 4).getInt();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.writeBytes(p);
        }
        return o.toByteArray();
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void aVersionOneSnapshotIsRefusedWithTheReason() throws IOException {
        byte[] sealed = seal(random(100));
        sealed[11] = 1; // version u32 after "TMKVSEAL": its key was sealed with the key the host's ecalls reach
        assertThatThrownBy(() -> unseal(sealed))
                .isInstanceOf(SnapshotException.class)
                .hasMessageContaining("version 1 is refused")
                .hasMessageContaining("host could have made it");
    }

    @Test
    void verifyThenReadReleasesOnlyTheSnapshotThatVerified() throws IOException {
        byte[] plain = random(2 * SealedSnapshot.RECORD_SIZE + 5);
        byte[] a = seal(plain);
        SealedSnapshot.Verified v = SealedSnapshot.verify(unsealBy((byte) 1), new ByteArrayInputStream(a));
        assertThat(v.records()).isEqualTo(3);
        try (InputStream r = SealedSnapshot.reader(unsealBy((byte) 1), new ByteArrayInputStream(a), v)) {
            assertThat(r.readAllBytes()).isEqualTo(plain);
        }
        byte[] other = seal(plain); // another snapshot of the same data: another data key and header
        assertThatThrownBy(() -> SealedSnapshot.reader(unsealBy((byte) 1), new ByteArrayInputStream(other), v))
                .isInstanceOf(SnapshotException.class)
                .hasMessageContaining("changed while it was read");
        byte[] bad = a.clone();
        bad[bad.length - 20] ^= 1;
        assertThatThrownBy(() -> SealedSnapshot.verify(unsealBy((byte) 1), new ByteArrayInputStream(bad)))
                .isInstanceOf(SnapshotException.class)
                .hasMessageContaining("record 2 fails authentication");
    }
}
