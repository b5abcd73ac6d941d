package io.teemate.sgx;

import io.teemate.sgx.loader.BareMetalLoader;
import io.teemate.sgx.loader.EnclaveLayout;
import io.teemate.sgx.mmu.MapPageTable;
import io.teemate.sgx.struct.Attributes;
import io.teemate.sgx.struct.PagePermissions;
import io.teemate.sgx.struct.PageType;
import io.teemate.sgx.struct.SecInfo;
import io.teemate.sgx.struct.Secs;
import io.teemate.sgx.struct.Tcs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The operand and state checks of ECREATE, EADD, EEXTEND and EREMOVE (SDM Vol.3D ch.40). */
class EnclaveBuildTest {
    private static final long BASE = 0x10_0000L;
    private static final long SIZE = 0x10_0000L;
    private static final SecInfo SECS_INFO = SecInfo.of(PageType.SECS, PagePermissions.NONE);
    private static final SecInfo RW = SecInfo.of(PageType.REG, PagePermissions.RW);

    private final Machine m = Machine.builder().epcMiB(1).seed(3).build();
    private final LogicalProcessor lp = m.processor(0);

    private long epc(int frame) {
        return m.epc().address(frame);
    }

    private static Secs secs(long size, long base, Attributes attributes) {
        return new Secs(
                size, base, 1, 0, attributes, new byte[32], new byte[32], new byte[64], (short) 0, (short) 0, (short)
                        0);
    }

    private static Secs secs() {
        return secs(SIZE, BASE, EnclaveLayout.defaultAttributes(false));
    }

    @Test
    void ecreateChecksTheSecs() {
        assertThatThrownBy(() ->
                        lp.ecreate(SECS_INFO, secs(SIZE + 4096, BASE, EnclaveLayout.defaultAttributes(false)), epc(0)))
                .isInstanceOf(GeneralProtectionFault.class)
                .hasMessageContaining("power of two");
        assertThatThrownBy(() -> lp.ecreate(SECS_INFO, secs(4096, 0, EnclaveLayout.defaultAttributes(false)), epc(0)))
                .isInstanceOf(GeneralProtectionFault.class)
                .hasMessageContaining("at least 2 pages");
        assertThatThrownBy(() ->
                        lp.ecreate(SECS_INFO, secs(SIZE, BASE + 4096, EnclaveLayout.defaultAttributes(false)), epc(0)))
                .isInstanceOf(GeneralProtectionFault.class)
                .hasMessageContaining("naturally aligned");
        assertThatThrownBy(() -> lp.ecreate(
                        SECS_INFO, secs(SIZE, BASE, new Attributes(Attributes.MODE64BIT | Attributes.INIT, 3)), epc(0)))
                .isInstanceOf(GeneralProtectionFault.class)
                .hasMessageContaining("INIT");
        assertThatThrownBy(() ->
                        lp.ecreate(SECS_INFO, secs(SIZE, BASE, new Attributes(Attributes.MODE64BIT | 8, 3)), epc(0)))
                .isInstanceOf(GeneralProtectionFault.class)
                .hasMessageContaining("reserved");
        assertThatThrownBy(() ->
                        lp.ecreate(SECS_INFO, secs(SIZE, BASE, new Attributes(Attributes.MODE64BIT, 1)), epc(0)))
                .isInstanceOf(GeneralProtectionFault.class)
                .hasMessageContaining("XFRM");
        assertThatThrownBy(() -> lp.ecreate(RW, secs(), epc(0)))
                .isInstanceOf(GeneralProtectionFault.class)
                .hasMessageContaining("PT_SECS");
        assertThatThrownBy(() -> lp.ecreate(new SecInfo(9L << 8), secs(), epc(0)))
                .as("an unknown page type")
                .isInstanceOf(GeneralProtectionFault.class);
        assertThatThrownBy(() -> lp.ecreate(SECS_INFO, secs(), epc(0) + 8))
                .isInstanceOf(GeneralProtectionFault.class)
                .hasMessageContaining("EPC page");
        assertThat(m.probe().epcPagesInUse()).as("nothing half-created").isZero();
        lp.ecreate(SECS_INFO, secs(), epc(0));
        assertThatThrownBy(() -> lp.ecreate(SECS_INFO, secs(), epc(0)))
                .isInstanceOf(PageFault.class)
                .hasMessageContaining("already valid");
    }

    @Test
    void eaddChecksItsPageAndTheEnclave() {
        lp.ecreate(SECS_INFO, secs(), epc(0));
        byte[] page = new byte[4096];
        assertThatThrownBy(() -> lp.eadd(BASE + SIZE, page, RW, epc(0), epc(1)))
                .isInstanceOf(GeneralProtectionFault.class)
                .hasMessageContaining("outside ELRANGE");
        assertThatThrownBy(() -> lp.eadd(BASE + 12, page, RW, epc(0), epc(1)))
                .isInstanceOf(GeneralProtectionFault.class)
                .hasMessageContaining("aligned");
        assertThatThrownBy(
                        () -> lp.eadd(BASE, page, SecInfo.of(PageType.REG, PagePermissions.parse("W")), epc(0), epc(1)))
                .isInstanceOf(GeneralProtectionFault.class)
                .hasMessageContaining("W without R");
        assertThatThrownBy(() -> lp.eadd(BASE, page, SecInfo.of(PageType.VA, PagePermissions.NONE), epc(0), epc(1)))
                .isInstanceOf(GeneralProtectionFault.class)
                .hasMessageContaining("PT_REG or PT_TCS");
        assertThatThrownBy(() -> lp.eadd(BASE, page, new SecInfo(RW.flags() | SecInfo.FLAG_PENDING), epc(0), epc(1)))
                .isInstanceOf(GeneralProtectionFault.class)
                .hasMessageContaining("PENDING");
        assertThatThrownBy(() -> lp.eadd(BASE, page, RW, epc(2), epc(1)))
                .isInstanceOf(PageFault.class)
                .hasMessageContaining("not a valid SECS");
        byte[] badTcs = new Tcs(0, 0x80, 0x2000, 0, 1, 0, 0, 0, 0, 0, 0).toBytes();
        assertThatThrownBy(() -> lp.eadd(BASE, badTcs, SecInfo.of(PageType.TCS, PagePermissions.NONE), epc(0), epc(1)))
                .isInstanceOf(GeneralProtectionFault.class)
                .hasMessageContaining("TCS.FLAGS");
        lp.eadd(BASE, page, RW, epc(0), epc(1));
        assertThatThrownBy(() -> lp.eadd(BASE + 4096, page, RW, epc(0), epc(1)))
                .isInstanceOf(PageFault.class)
                .hasMessageContaining("already valid");
        assertThat(m.epcm().get(1)).satisfies(e -> {
            assertThat(e.valid()).isTrue();
            assertThat(e.type()).isEqualTo(PageType.REG);
            assertThat(e.permissions()).isEqualTo(PagePermissions.RW);
            assertThat(e.linearAddress()).isEqualTo(BASE);
            assertThat(e.enclave()).isSameAs(m.epcm().get(0).enclave());
        });
    }

    @Test
    void eaddOfATcsClearsItsPermissionsAndBusyState() {
        lp.ecreate(SECS_INFO, secs(), epc(0));
        byte[] tcs = new Tcs(1, 0, 0x2000, 5, 1, 0, 0, 0, 0, 0, 0).toBytes();
        lp.eadd(BASE, tcs, SecInfo.of(PageType.TCS, PagePermissions.NONE), epc(0), epc(1));
        assertThat(m.epcm().get(1).permissions()).isEqualTo(PagePermissions.NONE);
        Tcs stored = Tcs.fromBytes(m.epc().readPage(1));
        assertThat(stored.state()).isZero();
        assertThat(stored.cssa()).isZero();
        assertThat(stored.ossa()).isEqualTo(0x2000);
    }

    @Test
    void eextendMeasuresOnlyPagesOfTheEnclaveBeforeEinit() {
        lp.ecreate(SECS_INFO, secs(), epc(0));
        lp.ecreate(SECS_INFO, secs(), epc(3));
        lp.eadd(BASE, new byte[4096], RW, epc(0), epc(1));
        assertThatThrownBy(() -> lp.eextend(epc(0), epc(1) + 100))
                .isInstanceOf(GeneralProtectionFault.class)
                .hasMessageContaining("256-byte aligned");
        assertThatThrownBy(() -> lp.eextend(epc(3), epc(1)))
                .isInstanceOf(PageFault.class)
                .hasMessageContaining("not a REG or TCS page of this enclave");
        assertThatThrownBy(() -> lp.eextend(epc(0), epc(2))).isInstanceOf(PageFault.class);
        lp.eextend(epc(0), epc(1) + 256);
    }

    @Test
    void eremoveRefusesASecsWithChildrenAndIsANoOpOnFreePages() {
        BareMetalLoader loader = new BareMetalLoader(m);
        var e = loader.create(
                lp,
                MeasurementKnownAnswerTest.katLayout(),
                EnclaveLayout.defaultAttributes(false),
                0,
                BASE,
                new MapPageTable());
        assertThat(lp.eremove(e.secsPage())).isEqualTo(SgxStatus.CHILD_PRESENT);
        assertThat(lp.eremove(epc(200))).as("an invalid page").isEqualTo(SgxStatus.SUCCESS);
        int inUse = m.probe().epcPagesInUse();
        assertThat(lp.eremove(e.pages().get(1).epcPage())).isEqualTo(SgxStatus.SUCCESS);
        assertThat(m.probe().epcPagesInUse()).isEqualTo(inUse - 1);
        loader.destroy(lp, e);
        assertThat(m.probe().epcPagesInUse()).isZero();
    }

    @Test
    void eaddAfterEinitIsRefused() {
        Rig rig = new Rig(4);
        Rig.TestEnclave t = rig.load(new TestProgram(), 0x1_0000_0000L);
        long free = rig.machine.epc().address(rig.machine.epc().frameCount() - 1);
        assertThatThrownBy(() -> rig.lp(0)
                        .eadd(
                                t.loaded().base() + t.layout().end(),
                                new byte[4096],
                                RW,
                                t.loaded().secsPage(),
                                free))
                .isInstanceOf(GeneralProtectionFault.class)
                .hasMessageContaining("initialized enclave");
    }
}
