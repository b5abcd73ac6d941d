package io.teemate.sgx.cost;

import io.teemate.sgx.Machine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlatformProfileTest {
    @Test
    void aProfileIsFoundByItsNameAndAnUnknownNameListsTheChoices() {
        assertThat(PlatformProfile.byId("gold-6348")).isSameAs(PlatformProfile.GOLD_6348);
        assertThat(PlatformProfile.byId(" E-2276G ")).isSameAs(PlatformProfile.E_2276G);
        assertThatThrownBy(() -> PlatformProfile.byId("epyc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'epyc'")
                .hasMessageContaining("gold-6348, gold-5315y, e-2276g, i9-9900k");
    }

    @Test
    void thePapersMachineIsTheDefaultAndPricesAMachineThatIsGivenNoModel() {
        assertThat(PlatformProfile.DEFAULT).isSameAs(PlatformProfile.GOLD_6348);
        assertThat(Machine.builder().build().costModel().platform()).isSameAs(PlatformProfile.GOLD_6348);
        assertThat(Machine.builder()
                        .platform(PlatformProfile.E_2276G)
                        .build()
                        .costModel()
                        .platform())
                .isSameAs(PlatformProfile.E_2276G);
    }

    @Test
    void partsOfOneFamilyShareCyclesAndDifferInClockSoTheSameWorkTakesTheirTime() {
        CostModel gold = PlatformProfile.GOLD_6348.costModel();
        CostModel sister = PlatformProfile.GOLD_5315Y.costModel();
        for (SgxLeaf leaf : SgxLeaf.values()) {
            assertThat(sister.cycles(leaf)).as("%s", leaf).isEqualTo(gold.cycles(leaf));
        }
        assertThat(sister.cycles(SystemCost.PTE_MAP)).isEqualTo(gold.cycles(SystemCost.PTE_MAP));
        assertThat(sister.nanos(32_000)).isEqualTo(10_000.0);
        assertThat(gold.nanos(26_000)).isEqualTo(10_000.0);
        // A figure published as time on an unnamed machine is that time on every part.
        assertThat(gold.nanos(gold.cycles(SystemCost.CONTAINER_CREATE)))
                .isCloseTo(
                        sister.nanos(sister.cycles(SystemCost.CONTAINER_CREATE)),
                        org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void sgx1sMemoryEncryptionEngineCostsMoreThanIceLakesAndItsEpcIsSmall() {
        CostModel sgx1 = PlatformProfile.E_2276G.costModel();
        CostModel sgx2 = PlatformProfile.GOLD_6348.costModel();
        assertThat(sgx1.cycles(SystemCost.EPC_PAGE_MISS)).isGreaterThan(sgx2.cycles(SystemCost.EPC_PAGE_MISS));
        assertThat(PlatformProfile.E_2276G.epcBytes()).isEqualTo(93L << 20);
        assertThat(PlatformProfile.GOLD_6348.epcBytes()).isGreaterThan(1L << 35);
    }
}
