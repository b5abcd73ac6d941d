package io.teemate.abi.image;

import io.teemate.sgx.ExitHandler;
import io.teemate.sgx.LogicalProcessor;
import io.teemate.sgx.Machine;
import io.teemate.sgx.Registers;
import io.teemate.sgx.loader.BareMetalLoader;
import io.teemate.sgx.loader.EnclaveLayout;
import io.teemate.sgx.loader.EnclavePage;
import io.teemate.sgx.mmu.MapPageTable;
import io.teemate.sgx.mmu.Pte;
import io.teemate.sgx.program.CodeImage;
import io.teemate.sgx.sign.SigStructBuilder;
import io.teemate.sgx.sign.SigningKey;
import io.teemate.sgx.struct.GprSgx;
import io.teemate.sgx.struct.PagePermissions;
import io.teemate.sgx.struct.PageType;
import io.teemate.sgx.struct.SigStruct;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnclaveImageLayoutTest {
    private static final int PAGE = 4096;
    private static SigningKey key;

    @BeforeAll
    static void key() {
        key = SigningKey.generate();
    }

    private static EnclaveManifest manifest(String heap, boolean edmm, String heapInitial, long enclaveSize) {
        long h = Sizes.parse(heap);
        return new EnclaveManifest(
                "t",
                enclaveSize,
                3,
                1,
                2,
                "teemate",
                List.of("wordcount", "kv"),
                h,
                edmm,
                edmm ? Sizes.parse(heapInitial) : h,
                List.of(new TrustedFile("a.txt", new byte[32])),
                1,
                2,
                true);
    }

    private static EnclaveImageLayout build(EnclaveManifest m) {
        return EnclaveImageLayout.build(m, Examples.CODE);
    }

    private static long count(EnclaveLayout l, PageType type, PagePermissions perms) {
        return l.pages().stream()
                .filter(p -> p.type() == type && p.permissions().equals(perms))
                .count();
    }

    @Test
    void sgx1AddsAndMeasuresTheWholeHeap() {
        EnclaveImageLayout l = build(manifest("1M", false, null, 0));
        int code = Examples.CODE.pageCount();
        EnclaveLayout layout = l.layout();
        assertThat(l.configOffset())
                .isEqualTo((long) code * PAGE)
                .isEqualTo(EnclaveImageLayout.configOffset(Examples.CODE.bytes().length));
        assertThat(count(layout, PageType.REG, PagePermissions.RX)).isEqualTo(code);
        assertThat(count(layout, PageType.REG, PagePermissions.R))
                .as("config pages")
                .isEqualTo(1);
        assertThat(count(layout, PageType.TCS, PagePermissions.NONE)).isEqualTo(3);
        assertThat(count(layout, PageType.REG, PagePermissions.RW))
                .as("3 x (2 SSA + TLS) + 256 heap")
                .isEqualTo(9 + 256);
        assertThat(layout.pages()).allMatch(EnclavePage::measured);
        assertThat(l.heapOffset()).isEqualTo((code + 1 + 3 * 4L) * PAGE);
        assertThat(l.heapCommittedPages()).isEqualTo(256).isEqualTo(l.heapMaxPages());
        assertThat(l.heap().growable()).isFalse();
        assertThat(layout.end()).isEqualTo(l.heap().end());
        assertThat(layout.size()).as("smallest power of two").isEqualTo(Long.highestOneBit(layout.end() - 1) << 1);
        assertThat(l.addedPages()).isEqualTo(code + 1 + 12 + 256);
    }

    @Test
    void edmmAddsOnlyTheInitialHeapAndLeavesRoomForTheRest() {
        EnclaveImageLayout sgx1 = build(manifest("16M", false, null, 0));
        EnclaveImageLayout edmm = build(manifest("16M", true, "64K", 0));
        assertThat(edmm.heapOffset()).isEqualTo(sgx1.heapOffset());
        assertThat(edmm.heapCommittedPages()).isEqualTo(16);
        assertThat(edmm.heapMaxPages()).isEqualTo(4096);
        assertThat(edmm.heap().growable()).isTrue();
        assertThat(edmm.addedPages()).isEqualTo(sgx1.addedPages() - 4096 + 16);
        assertThat(edmm.layout().end()).isEqualTo(edmm.heap().committedEnd());
        assertThat(edmm.layout().size())
                .as("ELRANGE covers the whole heap")
                .isGreaterThanOrEqualTo(edmm.heap().end())
                .isEqualTo(sgx1.layout().size());
        assertThat(edmm.mrEnclave()).isNotEqualTo(sgx1.mrEnclave());
        EnclaveImageLayout none = build(manifest("16M", true, "0", 0));
        assertThat(none.heapCommittedPages()).isZero();
        assertThat(none.addedPages()).isEqualTo(sgx1.addedPages() - 4096);
    }

    @Test
    void mrEnclaveChangesWithTheHeapSizeInBothModes() {
        assertThat(build(manifest("1M", false, null, 0)).mrEnclave())
                .isNotEqualTo(build(manifest("2M", false, null, 0)).mrEnclave());
        // With EDMM the extra heap is never EADDed; the limit still reaches MRENCLAVE through the measured config.
        EnclaveImageLayout small = build(manifest("1M", true, "0", 1L << 24));
        EnclaveImageLayout large = build(manifest("2M", true, "0", 1L << 24));
        assertThat(small.addedPages()).isEqualTo(large.addedPages());
        assertThat(small.layout().size()).isEqualTo(large.layout().size());
        assertThat(small.mrEnclave()).isNotEqualTo(large.mrEnclave());
        assertThat(build(manifest("1M", false, null, 0)).mrEnclave())
                .as("deterministic")
                .isEqualTo(build(manifest("1M", false, null, 0)).mrEnclave());
    }

    @Test
    void everyManifestFieldIsMeasured() {
        EnclaveManifest m = manifest("64K", false, null, 0);
        byte[] base = build(m).mrEnclave();
        List<EnclaveManifest> variants = List.of(
                new EnclaveManifest(
                        "t2",
                        0,
                        3,
                        1,
                        2,
                        "teemate",
                        m.apps(),
                        m.heapSize(),
                        false,
                        m.heapSize(),
                        m.trustedFiles(),
                        1,
                        2,
                        true),
                new EnclaveManifest(
                        "t",
                        0,
                        3,
                        1,
                        2,
                        "teemate",
                        List.of("wordcount"),
                        m.heapSize(),
                        false,
                        m.heapSize(),
                        m.trustedFiles(),
                        1,
                        2,
                        true),
                new EnclaveManifest(
                        "t",
                        0,
                        3,
                        1,
                        2,
                        "teemate",
                        m.apps(),
                        m.heapSize(),
                        false,
                        m.heapSize(),
                        List.of(new TrustedFile("a.txt", HexFormat.of().parseHex("01" + "00".repeat(31)))),
                        1,
                        2,
                        true),
                new EnclaveManifest(
                        "t",
                        0,
                        3,
                        1,
                        2,
                        "teemate",
                        m.apps(),
                        m.heapSize(),
                        false,
                        m.heapSize(),
                        m.trustedFiles(),
                        1,
                        3,
                        true),
                new EnclaveManifest(
                        "t",
                        0,
                        3,
                        1,
                        2,
                        "teemate",
                        m.apps(),
                        m.heapSize(),
                        false,
                        m.heapSize(),
                        m.trustedFiles(),
                        1,
                        2,
                        false),
                new EnclaveManifest(
                        "t",
                        0,
                        4,
                        1,
                        2,
                        "teemate",
                        m.apps(),
                        m.heapSize(),
                        false,
                        m.heapSize(),
                        m.trustedFiles(),
                        1,
                        2,
                        true),
                new EnclaveManifest(
                        "t",
                        0,
                        3,
                        2,
                        2,
                        "teemate",
                        m.apps(),
                        m.heapSize(),
                        false,
                        m.heapSize(),
                        m.trustedFiles(),
                        1,
                        2,
                        true),
                new EnclaveManifest(
                        "t",
                        0,
                        3,
                        1,
                        3,
                        "teemate",
                        m.apps(),
                        m.heapSize(),
                        false,
                        m.heapSize(),
                        m.trustedFiles(),
                        1,
                        2,
                        true));
        for (EnclaveManifest v : variants) {
            assertThat(build(v).mrEnclave()).as(v.toString()).isNotEqualTo(base);
        }
    }

    @Test
    void anExplicitEnclaveSizeIsUsedOrRefusedByName() {
        EnclaveImageLayout l = build(manifest("1M", false, null, 1L << 30));
        assertThat(l.layout().size()).isEqualTo(1L << 30);
        assertThatThrownBy(() -> build(manifest("1M", false, null, 1L << 20)))
                .isInstanceOf(ManifestException.class)
                .hasMessageStartingWith("enclave manifest \"t\": enclave_size: 1M is too small: ")
                .hasMessageContaining("need ");
        assertThatThrownBy(() -> build(manifest("16M", true, "0", 1L << 23)))
                .as("EDMM: the size must cover heap_size, not only what is added")
                .hasMessageContaining("enclave_size: 8M is too small");
    }

    @Test
    void theConfigPagesHoldTheManifestAndHeapRegion() {
        EnclaveManifest m = manifest("2M", true, "8K", 0);
        EnclaveImageLayout l = build(m);
        ByteArrayOutputStream config = new ByteArrayOutputStream();
        l.layout().pages().stream()
                .filter(p -> p.offset() >= l.configOffset() && p.offset() < l.configOffset() + l.configLength())
                .forEach(p -> config.writeBytes(p.content()));
        byte[] bytes = config.toByteArray();
        assertThat(EnclaveConfig.length(bytes)).isEqualTo(l.configLength());
        EnclaveConfig c = EnclaveConfig.fromBytes(Arrays.copyOf(bytes, l.configLength()));
        assertThat(c.manifest()).isEqualTo(m);
        assertThat(c.heap()).isEqualTo(l.heap());
        assertThatThrownBy(() -> EnclaveConfig.fromBytes(Arrays.copyOf(bytes, l.configLength() - 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theImageLoadsInitializesAndItsRuntimeFindsAndGrowsItsHeap() {
        Machine machine =
                Machine.builder().epcMiB(8).logicalProcessors(1).seed(7).build();
        LogicalProcessor lp = machine.processor(0);
        MapPageTable pt = new MapPageTable();
        lp.loadCr3(pt);
        CodeImage code = machine.programs().register(new HeapProbe());
        EnclaveManifest m = manifest("1M", true, "8K", 0);
        EnclaveImageLayout l = EnclaveImageLayout.build(m, code);
        SigStruct sig = SigStructBuilder.forEnclave(l.mrEnclave())
                .attributes(EnclaveLayout.defaultAttributes(m.debug()))
                .isvProdId(m.isvProdId())
                .isvSvn(m.isvSvn())
                .sign(key);
        long base = 1L << 36;
        var loader = new BareMetalLoader(machine);
        var enclave = loader.load(lp, l.layout(), sig, base, pt);

        Registers r = lp.registers();
        r.set(GprSgx.RDI, HeapProbe.READ_CONFIG);
        lp.eenter(enclave.tcsAddresses().get(0), 0x4242_0000L, ExitHandler.RESUME_INTERRUPTS);
        assertThat(r.get(GprSgx.RAX)).isEqualTo(256);
        assertThat(r.get(GprSgx.RDX)).isEqualTo(2);
        assertThat(r.get(GprSgx.RSI)).isEqualTo(l.heapOffset());
        assertThat(r.get(GprSgx.R8)).isEqualTo(2);

        // The host grows the heap (Linux: the fault handler's EAUG), the enclave accepts the page.
        long la = base + l.heap().committedEnd();
        long epc = machine.epc().address(machine.epc().frameCount() - 1);
        lp.eaug(la, enclave.secsPage(), epc);
        pt.map(la, new Pte(epc, true, false));
        r.set(GprSgx.RDI, HeapProbe.ACCEPT_HEAP_PAGE);
        r.set(GprSgx.RSI, la);
        r.set(GprSgx.RDX, 0x1234_5678L);
        lp.eenter(enclave.tcsAddresses().get(1), 0x4242_0000L, ExitHandler.RESUME_INTERRUPTS);
        assertThat(r.get(GprSgx.RAX)).as("EACCEPT status").isZero();
        assertThat(r.get(GprSgx.RDX)).isEqualTo(0x1234_5678L);
        // The last page of the heap is still inside ELRANGE.
        assertThat(base + l.heap().end()).isLessThanOrEqualTo(base + l.layout().size());
    }
}
