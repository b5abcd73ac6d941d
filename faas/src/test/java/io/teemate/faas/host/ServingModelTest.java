package io.teemate.faas.host;

import io.teemate.host.container.Mode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServingModelTest {
    @Test
    void theFourModelsParseByNameInAnyCaseAndConventionalIsCold() {
        assertThat(ServingModel.parse("native")).isEqualTo(ServingModel.NATIVE);
        assertThat(ServingModel.parse("COLD")).isEqualTo(ServingModel.COLD);
        assertThat(ServingModel.parse(" Warm ")).isEqualTo(ServingModel.WARM);
        assertThat(ServingModel.parse("shared")).isEqualTo(ServingModel.SHARED);
        assertThat(ServingModel.parse("conventional")).isEqualTo(ServingModel.COLD);
    }

    @Test
    void anUnknownModelIsRefusedWithTheFourListed() {
        assertThatThrownBy(() -> ServingModel.parse("lukewarm"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"lukewarm\"")
                .hasMessageContaining("native, cold, warm, shared");
        assertThatThrownBy(() -> ServingModel.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void coldAndWarmBuildAnEnclavePerInstanceSharedAliasesOneAndNativeHasNone() {
        assertThat(ServingModel.COLD.containerMode()).isEqualTo(Mode.CONVENTIONAL);
        assertThat(ServingModel.WARM.containerMode()).isEqualTo(Mode.CONVENTIONAL);
        assertThat(ServingModel.SHARED.containerMode()).isEqualTo(Mode.SHARED);
        assertThatThrownBy(ServingModel.NATIVE::containerMode).isInstanceOf(IllegalStateException.class);
    }
}
