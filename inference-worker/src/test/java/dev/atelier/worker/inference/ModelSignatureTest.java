package dev.atelier.worker.inference;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.contracts.models.ModelManifest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelSignatureTest {
    private static final long[] DYNAMIC = {-1, 3, -1, -1};
    private static final long[] FIXED = {1, 3, 480, 640};

    @Test
    void acceptsAGraphThatMatchesItsManifest() {
        assertThatCode(() -> ModelSignature.check(
                        Manifests.dynamic("candy", 1), Map.of("input1", DYNAMIC), Map.of("output1", DYNAMIC)))
                .doesNotThrowAnyException();
        ModelManifest fixed = Manifests.of("starry", 1, "img_placeholder:0", "add_37:0", List.of(1L, 3L, 480L, 640L));
        assertThatCode(() -> ModelSignature.check(fixed, Map.of("img_placeholder:0", FIXED), Map.of("add_37:0", FIXED)))
                .doesNotThrowAnyException();
    }

    @Test
    void namesTheExpectedAndTheActualTensors() {
        assertThatThrownBy(() -> ModelSignature.check(
                        Manifests.dynamic("candy", 1), Map.of("img", DYNAMIC), Map.of("output1", DYNAMIC)))
                .isInstanceOf(InvalidModelException.class)
                .hasMessage("model input: expected 'input1', got [img]");
        assertThatThrownBy(() -> ModelSignature.check(
                        Manifests.dynamic("candy", 1), Map.of("input1", DYNAMIC), Map.of("out", DYNAMIC)))
                .hasMessage("model output: expected 'output1', got [out]");
    }

    @Test
    void refusesWrongRankChannelsOrFixedSizes() {
        ModelManifest candy = Manifests.dynamic("candy", 1);
        assertThatThrownBy(() -> ModelSignature.check(
                        candy, Map.of("input1", new long[] {3, -1, -1}), Map.of("output1", DYNAMIC)))
                .hasMessageContaining("expected rank 4 (NCHW), got [3, -1, -1]");
        assertThatThrownBy(() -> ModelSignature.check(
                        candy, Map.of("input1", new long[] {1, 1, -1, -1}), Map.of("output1", DYNAMIC)))
                .hasMessageContaining("3 channels");
        assertThatThrownBy(() -> ModelSignature.check(candy, Map.of("input1", FIXED), Map.of("output1", FIXED)))
                .hasMessageContaining("expected [-1, 3, -1, -1]")
                .hasMessageContaining("got [1, 3, 480, 640]");
    }
}
