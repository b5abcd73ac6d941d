package io.teemate.sgx.struct;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageTypeTest {

    @Example
    void codesMatchTheArchitecturalPtValues() {
        assertThat(PageType.SECS.code()).isZero();
        assertThat(PageType.TCS.code()).isEqualTo(1);
        assertThat(PageType.REG.code()).isEqualTo(2);
        assertThat(PageType.VA.code()).isEqualTo(3);
        assertThat(PageType.TRIM.code()).isEqualTo(4);
        assertThat(PageType.values()).hasSize(5);
    }

    @Property
    void fromCodeInvertsCode(@ForAll PageType type) {
        assertThat(PageType.fromCode(type.code())).isSameAs(type);
    }

    @Property
    void unknownCodesAreRejected(@ForAll @IntRange(min = 5, max = 255) int code) {
        assertThatThrownBy(() -> PageType.fromCode(code))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Integer.toString(code));
        assertThatThrownBy(() -> PageType.fromCode(-code)).isInstanceOf(IllegalArgumentException.class);
    }
}
