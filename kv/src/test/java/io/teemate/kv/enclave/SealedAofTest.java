package io.teemate.kv.enclave;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sealed AOF format: a base and incremental files load as one chain, and every changed, reordered or dropped
 * record, every foreign or out-of-chain file is refused naming the file and the record; a torn tail of the last
 * file loads up to it (aof-load-truncated yes) or is refused (no).
 */
class SealedAofTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Stands for the container's sealing of one purpose: a blob "sealed" by one owner opens only for that owner. */
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

    private static final byte SNAPSHOT_KEY = 1;
    private static final byte AOF_KEY = 2;

    /** A chain's files by name, built as the enclave writes them. */
    private final Map<String, byte[]> files = new HashMap<>();

    private final byte[] lineage = new byte[SealedAof.LINEAGE_BYTES];

    SealedAofTest() {
        RANDOM.nextBytes(lineage);
    }

    private static List<byte[]> cmd(String line) {
        List<byte[]> argv = new ArrayList<>();
        for (String w : line.split(" ")) {
            argv.add(w.getBytes(StandardCharsets.ISO_8859_1));
        }
        return argv;
    }

    /** A base of {@code rig}'s dataset whose next record is {@code nextSeq}. */
    private void base(String name, KvRig rig, byte[] lineage, long nextSeq) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream sealed = SealedSnapshot.writer(sealBy(SNAPSHOT_KEY), sink, RANDOM)) {
            RdbWriter.write(rig.ks, sealed, SealedAof.baseAux(lineage, nextSeq), true);
        }
        files.put(name, sink.toByteArray());
    }

    /** An incremental file of {@code lineage} from {@code firstSeq}: one record per batch (commands split by ';'). */
    private List<byte[]> incr(String name, byte[] lineage, long firstSeq, byte owner, String... batches) {
        List<byte[]> records = new ArrayList<>();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (SealedAof.Incr w = SealedAof.newIncr(sealBy(owner), lineage, firstSeq, RANDOM)) {
            file.writeBytes(w.header());
            long seq = firstSeq;
            for (String batch : batches) {
                List<List<byte[]>> commands = new ArrayList<>();
                for (String c : batch.split(";")) {
                    commands.add(cmd(c.strip()));
                }
                byte[] r = w.seal(seq++, SealedAof.encode(commands));
                records.add(r);
                file.writeBytes(r);
            }
        }
        files.put(name, file.toByteArray());
        return records;
    }

    private SealedAof.Loaded load(KvRig into, boolean loadTruncated, String... names) throws IOException {
        List<SealedAof.Part> parts = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            parts.add(new SealedAof.Part(i == 0 ? SealedAof.Kind.BASE : SealedAof.Kind.INCR, names[i]));
        }
        return SealedAof.load(
                parts,
                name -> {
                    byte[] b = files.get(name);
                    if (b == null) {
                        throw new FileNotFoundException(name);
                    }
                    return new ByteArrayInputStream(b);
                },
                unsealBy(SNAPSHOT_KEY),
                unsealBy(AOF_KEY),
                into.ks,
                into.engine,
                loadTruncated);
    }

    /** base: a=1, b=2; incr.1: records 1..3; incr.2: records 4..5. */
    private List<byte[]> standardChain() throws IOException {
        KvRig source = new KvRig();
        source.cmd("SET a 1");
        source.cmd("SET b 2");
        base("base", source, lineage, 1);
        List<byte[]> records =
                new ArrayList<>(incr("incr.1", lineage, 1, AOF_KEY, "SET c 3", "INCR a; DEL b", "RPUSH l x y"));
        records.addAll(incr("incr.2", lineage, 4, AOF_KEY, "SADD s m", "SET d 4"));
        return records;
    }

    @Test
    void aChainLoadsItsBaseThenEveryRecordInOrder() throws IOException {
        standardChain();
        KvRig into = new KvRig();
        SealedAof.Loaded l = load(into, true, "base", "incr.1", "incr.2");
        assertThat(into.cmd("GET a")).isEqualTo(KvRig.bulk("2"));
        assertThat(into.cmd("EXISTS b")).isEqualTo(KvRig.integer(0));
        assertThat(into.cmd("GET c")).isEqualTo(KvRig.bulk("3"));
        assertThat(into.cmd("LRANGE l 0 -1")).isEqualTo(KvRig.arr("x", "y"));
        assertThat(into.cmd("SISMEMBER s m")).isEqualTo(KvRig.integer(1));
        assertThat(into.cmd("GET d")).isEqualTo(KvRig.bulk("4"));
        assertThat(l.nextSeq()).isEqualTo(6);
        assertThat(l.lineage()).isEqualTo(lineage);
        assertThat(l.records()).containsExactly(0L, 3L, 2L);
        assertThat(l.validBytes().get(2)).isEqualTo((long) files.get("incr.2").length);
        assertThat(l.truncatedPart()).isEqualTo(-1);
        assertThat(l.truncation()).isEmpty();
        assertThat(into.engine.takePropagated()).as("a replay logs nothing").isEmpty();
    }

    @Test
    void aChangedByteInARecordIsRefusedNamingTheFileAndTheRecord() throws IOException {
        List<byte[]> records = standardChain();
        byte[] f = files.get("incr.1");
        int second = f.length - records.get(2).length - records.get(1).length; // record 2's first byte
        f[second + 10] ^= 1;
        assertThatThrownBy(() -> load(new KvRig(), true, "base", "incr.1", "incr.2"))
                .isInstanceOf(AofException.class)
                .hasMessageContaining("incr.1: record 2 (sequence number 2) fails authentication");
    }

    @Test
    void twoSwappedRecordsAreRefused() throws IOException {
        List<byte[]> records = standardChain();
        byte[] f = files.get("incr.1");
        int header = f.length - records.get(0).length - records.get(1).length - records.get(2).length;
        ByteArrayOutputStream swapped = new ByteArrayOutputStream();
        swapped.write(f, 0, header);
        swapped.writeBytes(records.get(1));
        swapped.writeBytes(records.get(0));
        swapped.writeBytes(records.get(2));
        files.put("incr.1", swapped.toByteArray());
        assertThatThrownBy(() -> load(new KvRig(), true, "base", "incr.1", "incr.2"))
                .isInstanceOf(AofException.class)
                .hasMessageContaining("incr.1: record 1 (sequence number 1) fails authentication");
    }

    @Test
    void aDroppedMiddleRecordIsRefused() throws IOException {
        List<byte[]> records = standardChain();
        byte[] f = files.get("incr.1");
        int header = f.length - records.get(0).length - records.get(1).length - records.get(2).length;
        ByteArrayOutputStream dropped = new ByteArrayOutputStream();
        dropped.write(f, 0, header);
        dropped.writeBytes(records.get(0));
        dropped.writeBytes(records.get(2));
        files.put("incr.1", dropped.toByteArray());
        assertThatThrownBy(() -> load(new KvRig(), true, "base", "incr.1", "incr.2"))
                .isInstanceOf(AofException.class)
                .hasMessageContaining("incr.1: record 2 (sequence number 2) fails authentication");
    }

    @Test
    void aRecordOfAnotherFileIsRefused() throws IOException {
        List<byte[]> records = standardChain();
        byte[] f = files.get("incr.2");
        ByteArrayOutputStream moved = new ByteArrayOutputStream();
        moved.writeBytes(f);
        moved.writeBytes(records.get(2)); // incr.1's record 3 appended to incr.2 as its record 3
        files.put("incr.2", moved.toByteArray());
        assertThatThrownBy(() -> load(new KvRig(), true, "base", "incr.1", "incr.2"))
                .isInstanceOf(AofException.class)
                .hasMessageContaining("incr.2: record 3 (sequence number 6) fails authentication");
    }

    @Test
    void anIncrementalFileOfAnotherLineageIsRefused() throws IOException {
        standardChain();
        byte[] other = lineage.clone();
        other[0] ^= 1;
        incr("incr.2", other, 4, AOF_KEY, "SET d 4");
        assertThatThrownBy(() -> load(new KvRig(), true, "base", "incr.1", "incr.2"))
                .isInstanceOf(AofException.class)
                .hasMessageContaining("incr.2 belongs to another AOF");
    }

    @Test
    void anIncrementalFileOfAnotherContainerIsRefused() throws IOException {
        standardChain();
        incr("incr.2", lineage, 4, (byte) 9, "SET d 4");
        assertThatThrownBy(() -> load(new KvRig(), true, "base", "incr.1", "incr.2"))
                .isInstanceOf(AofException.class)
                .hasMessageContaining("incr.2 was not sealed by this database's container");
    }

    @Test
    void anIncrementalFileThatDoesNotContinueTheChainIsRefused() throws IOException {
        standardChain();
        assertThatThrownBy(() -> load(new KvRig(), true, "base", "incr.2"))
                .isInstanceOf(AofException.class)
                .hasMessageContaining(
                        "incr.2 does not continue the chain: its first record is number 4, number 1 " + "was due");
        assertThatThrownBy(() -> load(new KvRig(), true, "base", "incr.2", "incr.1"))
                .isInstanceOf(AofException.class)
                .hasMessageContaining("incr.2 does not continue the chain");
        assertThatThrownBy(() -> load(new KvRig(), true, "base", "incr.1", "incr.1"))
                .isInstanceOf(AofException.class)
                .hasMessageContaining("number 4 was due");
    }

    @Test
    void aSnapshotIsNotABaseAndNeitherIsAnotherLineagesBase() throws IOException {
        standardChain();
        KvRig source = new KvRig();
        source.cmd("SET a 1");
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream sealed = SealedSnapshot.writer(sealBy(SNAPSHOT_KEY), sink, RANDOM)) {
            RdbWriter.write(source.ks, sealed);
        }
        files.put("dump", sink.toByteArray());
        assertThatThrownBy(() -> load(new KvRig(), true, "dump", "incr.1"))
                .isInstanceOf(AofException.class)
                .hasMessageContaining("dump is not an AOF base");
        byte[] other = lineage.clone();
        other[15] ^= 1;
        base("base2", source, other, 1);
        assertThatThrownBy(() -> load(new KvRig(), true, "base2", "incr.1"))
                .isInstanceOf(AofException.class)
                .hasMessageContaining("incr.1 belongs to another AOF");
    }

    @Test
    void aTornTailOfTheLastFileLoadsUpToItAndSaysWhereToCut() throws IOException {
        List<byte[]> records = standardChain();
        byte[] whole = files.get("incr.2");
        for (int cut : new int[] {1, 3, 4, 20, records.get(4).length - 1}) {
            files.put("incr.2", Arrays.copyOf(whole, whole.length - records.get(4).length + cut));
            KvRig into = new KvRig();
            SealedAof.Loaded l = load(into, true, "base", "incr.1", "incr.2");
            assertThat(into.cmd("SISMEMBER s m")).isEqualTo(KvRig.integer(1));
            assertThat(into.cmd("EXISTS d"))
                    .as("the torn record is not applied")
                    .isEqualTo(KvRig.integer(0));
            assertThat(l.truncatedPart()).isEqualTo(2);
            assertThat(l.records().get(2)).isEqualTo(1L);
            assertThat(l.validBytes().get(2)).isEqualTo((long) whole.length - records.get(4).length);
            assertThat(l.nextSeq()).isEqualTo(5);
            assertThat(l.truncation())
                    .contains("short read while loading the AOF file incr.2")
                    .contains("Truncating the AOF incr.2 at offset " + (whole.length - records.get(4).length))
                    .contains("ends inside record 2 (sequence number 5)")
                    .contains("loaded anyway because aof-load-truncated is enabled");
        }
    }

    @Test
    void aTornTailIsRefusedWithLoadTruncatedNoOrInAFileThatIsNotTheLast() throws IOException {
        List<byte[]> records = standardChain();
        byte[] whole = files.get("incr.2");
        files.put("incr.2", Arrays.copyOf(whole, whole.length - 5));
        assertThatThrownBy(() -> load(new KvRig(), false, "base", "incr.1", "incr.2"))
                .isInstanceOf(AofException.class)
                .hasMessageContaining("Unexpected end of file reading the append only file incr.2")
                .hasMessageContaining("ends inside record 2 (sequence number 5)")
                .hasMessageContaining("aof-load-truncated yes");
        files.put("incr.2", whole);
        byte[] first = files.get("incr.1");
        files.put("incr.1", Arrays.copyOf(first, first.length - records.get(2).length / 2));
        assertThatThrownBy(() -> load(new KvRig(), true, "base", "incr.1", "incr.2"))
                .isInstanceOf(AofException.class)
                .hasMessageContaining("incr.1 ends inside record 3")
                .hasMessageContaining("it is not the last file");
    }

    @Test
    void aCorruptLengthOrHeaderIsRefusedNotTakenForATornTail() throws IOException {
        standardChain();
        byte[] whole = files.get("incr.2");
        byte[] zeros = Arrays.copyOf(whole, whole.length + 4); // a length of 0: not a record
        files.put("incr.2", zeros);
        assertThatThrownBy(() -> load(new KvRig(), true, "base", "incr.1", "incr.2"))
                .isInstanceOf(AofException.class)
                .hasMessageContaining("incr.2: record 3 (sequence number 6) has a corrupt length");
        files.put("incr.2", Arrays.copyOf(whole, 10));
        assertThatThrownBy(() -> load(new KvRig(), true, "base", "incr.1", "incr.2"))
                .isInstanceOf(AofException.class)
                .hasMessageContaining("incr.2 is cut short inside its header");
    }

    @Test
    void aManifestWithoutABaseFirstIsRefused() throws IOException {
        standardChain();
        assertThatThrownBy(() -> SealedAof.load(
                        List.of(new SealedAof.Part(SealedAof.Kind.INCR, "incr.1")),
                        name -> new ByteArrayInputStream(files.get(name)),
                        unsealBy(SNAPSHOT_KEY),
                        unsealBy(AOF_KEY),
                        new KvRig().ks,
                        new KvRig().engine,
                        true))
                .isInstanceOf(AofException.class)
                .hasMessageContaining("names no base file first");
    }

    @Test
    void keysPastTheirDeadlineReplayAsTheyRanAndExpireAfterTheLoad() throws IOException {
        KvRig source = new KvRig();
        source.cmd("RPUSH l a");
        source.cmd("PEXPIREAT l " + (source.now + 1000));
        base("base", source, lineage, 1);
        incr("incr.1", lineage, 1, AOF_KEY, "RPUSH l b", "SET k v PXAT " + (source.now + 500));
        KvRig into = new KvRig();
        into.now = source.now + 5000; // loaded long after every deadline
        load(into, true, "base", "incr.1");
        assertThat(into.cmd("EXISTS l")).as("expired once the load ended").isEqualTo(KvRig.integer(0));
        assertThat(into.cmd("EXISTS k")).isEqualTo(KvRig.integer(0));
        KvRig early = new KvRig();
        early.now = source.now + 100;
        load(early, true, "base", "incr.1");
        assertThat(early.cmd("LRANGE l 0 -1")).isEqualTo(KvRig.arr("a", "b"));
        assertThat(early.cmd("PTTL l")).isEqualTo(KvRig.integer(900));
    }

    @Test
    void recordsOfCommandsRoundTripThroughRespMultibulk() {
        List<List<byte[]>> commands =
                List.of(cmd("SET k v"), List.of("SET".getBytes(StandardCharsets.US_ASCII), new byte[0], new byte[] {
                    '\r', '\n', 0, (byte) 0xff
                }));
        List<List<byte[]>> back = SealedAof.decode(SealedAof.encode(commands));
        assertThat(back).hasSize(2);
        for (int i = 0; i < commands.size(); i++) {
            assertThat(back.get(i)).containsExactlyElementsOf(commands.get(i));
        }
        assertThat(SealedAof.decode("*1\r\n$5\r\nab\r\n".getBytes(StandardCharsets.US_ASCII)))
                .isNull();
        assertThat(SealedAof.decode(ByteBuffer.allocate(3).array())).isNull();
    }
}
