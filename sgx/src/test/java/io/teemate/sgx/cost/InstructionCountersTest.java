package io.teemate.sgx.cost;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstructionCountersTest {
    private final CostModel model = CostModel.published();
    private final InstructionCounters counters = new InstructionCounters(model);

    @Test
    void systemCostsCountTheirUnitsAndAddTheirCyclesBesideTheLeaves() {
        counters.charge(SgxLeaf.EENTER);
        counters.charge(SystemCost.JS_BYTECODE, 1_000);

        assertThat(counters.count(SystemCost.JS_BYTECODE)).isEqualTo(1_000);
        assertThat(counters.totalCycles())
                .isEqualTo(model.cycles(SgxLeaf.EENTER) + 1_000 * model.cycles(SystemCost.JS_BYTECODE));
        InstructionCounters.Snapshot s = InstructionCounters.sum(java.util.List.of(counters), model);
        assertThat(s.leafCycles()).isEqualTo(model.cycles(SgxLeaf.EENTER));
        assertThat(s.cycles(SystemCost.JS_BYTECODE)).isEqualTo(1_000 * model.cycles(SystemCost.JS_BYTECODE));
    }

    @Test
    void aNegativeOrOverflowingChargeIsRefusedAndChangesNothing() {
        assertThatThrownBy(() -> counters.charge(SystemCost.JS_BYTECODE, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1 units of JS_BYTECODE");
        assertThatThrownBy(() -> counters.charge(SystemCost.JS_BYTECODE, Long.MAX_VALUE / 2))
                .isInstanceOf(ArithmeticException.class);
        assertThat(counters.totalCycles()).isZero();
    }
}
