package io.teemate.sgx;

import io.teemate.sgx.loader.BareMetalLoader;
import io.teemate.sgx.loader.EnclaveLayout;
import io.teemate.sgx.loader.EnclavePage;
import io.teemate.sgx.mmu.MapPageTable;
import io.teemate.sgx.sign.SigStructBuilder;
import io.teemate.sgx.struct.PagePermissions;
import io.teemate.sgx.struct.PageType;
import io.teemate.sgx.struct.SigStruct;
import io.teemate.sgx.struct.Tcs;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MRENCLAVE against a value computed outside this code base: src/test/resources/kat/mrenclave_kat.py implements
 * the algorithm of Linux's tools/testing/selftests/sgx/sigstruct.c and Gramine's sgx_sign.py with hashlib only.
 */
class MeasurementKnownAnswerTest {
    /** Printed by {@code python3 sgx/src/test/resources/kat/mrenclave_kat.py}. */
    static final String KAT = "6e8defc4f00d645a3798001dbe93965809c8f7a94247770cd90ea1b24daca6b4";

    static EnclaveLayout katLayout() {
        byte[] data = new byte[4096];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        byte[] code = new byte[4096];
        Arrays.fill(code, (byte) 0xCC);
        byte[] heap = new byte[4096];
        Arrays.fill(heap, (byte) 0x5A);
        Tcs tcs = new Tcs(0, 0, 0x3000, 0, 1, 0x1000, 0, 0, 0, 0, 0);
        return new EnclaveLayout(
                0x10000,
                1,
                List.of(
                        new EnclavePage(0x0000, PageType.TCS, PagePermissions.NONE, true, tcs.toBytes()),
                        new EnclavePage(0x1000, PageType.REG, PagePermissions.RX, true, code),
                        new EnclavePage(0x2000, PageType.REG, PagePermissions.RW, true, data),
                        new EnclavePage(0x3000, PageType.REG, PagePermissions.RW, true, new byte[4096]),
                        new EnclavePage(0x4000, PageType.REG, PagePermissions.RW, false, heap)));
    }

    @Test
    void signerPredictionMatchesTheIndependentVector() {
        assertThat(HexFormat.of().formatHex(katLayout().mrEnclave())).isEqualTo(KAT);
    }

    @Test
    void machineMeasuresTheVectorThroughEcreateEaddEextend() {
        Machine m = Machine.builder().epcMiB(1).seed(1).build();
        BareMetalLoader loader = new BareMetalLoader(m);
        var enclave = loader.create(
                m.processor(0),
                katLayout(),
                EnclaveLayout.defaultAttributes(false),
                0,
                0x7000_0000L,
                new MapPageTable());
        assertThat(HexFormat.of().formatHex(m.probe().pendingMrEnclave(enclave.secsPage())))
                .isEqualTo(KAT);
    }

    @Test
    void einitAcceptsASigstructCarryingTheVectorAsEnclaveHash() {
        Machine m = Machine.builder().epcMiB(1).seed(1).build();
        BareMetalLoader loader = new BareMetalLoader(m);
        SigStruct sig =
                SigStructBuilder.forEnclave(HexFormat.of().parseHex(KAT)).sign(Rig.KEY);
        var enclave = loader.load(m.processor(0), katLayout(), sig, 0x7000_0000L, new MapPageTable());
        assertThat(m.probe().pendingMrEnclave(enclave.secsPage()))
                .isEqualTo(HexFormat.of().parseHex(KAT));
    }

    @Test
    void measurementIsIndependentOfTheBaseButNotOfPageOrder() {
        Machine m = Machine.builder().epcMiB(1).seed(1).build();
        BareMetalLoader loader = new BareMetalLoader(m);
        var a = loader.create(
                m.processor(0),
                katLayout(),
                EnclaveLayout.defaultAttributes(false),
                0,
                0x7000_0000L,
                new MapPageTable());
        var b = loader.create(
                m.processor(0),
                katLayout(),
                EnclaveLayout.defaultAttributes(false),
                0,
                0x9000_0000L,
                new MapPageTable());
        assertThat(m.probe().pendingMrEnclave(a.secsPage())).isEqualTo(m.probe().pendingMrEnclave(b.secsPage()));

        List<EnclavePage> reordered = new java.util.ArrayList<>(katLayout().pages());
        java.util.Collections.swap(reordered, 1, 2);
        assertThat(new EnclaveLayout(0x10000, 1, reordered).mrEnclave())
                .isNotEqualTo(katLayout().mrEnclave());
    }

    @Test
    void executedLeavesAreCountedAndCharged() {
        Machine m = Machine.builder().epcMiB(1).seed(1).build();
        new BareMetalLoader(m)
                .create(
                        m.processor(0),
                        katLayout(),
                        EnclaveLayout.defaultAttributes(false),
                        0,
                        0x7000_0000L,
                        new MapPageTable());
        var c = m.counters();
        assertThat(c.count(io.teemate.sgx.cost.SgxLeaf.ECREATE)).isEqualTo(1);
        assertThat(c.count(io.teemate.sgx.cost.SgxLeaf.EADD)).isEqualTo(5);
        assertThat(c.count(io.teemate.sgx.cost.SgxLeaf.EEXTEND)).isEqualTo(4 * 16);
        var model = m.costModel();
        assertThat(c.totalCycles())
                .isEqualTo(model.cycles(io.teemate.sgx.cost.SgxLeaf.ECREATE)
                        + 5 * model.cycles(io.teemate.sgx.cost.SgxLeaf.EADD)
                        + 64 * model.cycles(io.teemate.sgx.cost.SgxLeaf.EEXTEND));
    }
}
