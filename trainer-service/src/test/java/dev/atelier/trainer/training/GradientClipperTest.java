package dev.atelier.trainer.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradientClipperTest {
    @Test
    void aSpikeFarAboveTheRecentNormsIsScaledDownToTheBoundAndDoesNotRaiseTheAverage() {
        try (NDManager manager = ComputeDevice.cpu().newManager()) {
            GradientClipper clipper = new GradientClipper();
            for (int i = 0; i < 30; i++) {
                // Norm 1 spread over two parameters: sqrt(0.6^2 + 0.8^2).
                assertThat(clipper.clip(
                                List.of(manager.create(new float[] {0.6f}), manager.create(new float[] {0.8f}))))
                        .isEqualTo(1f);
            }
            assertThat(clipper.average()).isCloseTo(1f, within(1e-5f));

            NDArray a = manager.create(new float[] {60f, 0f});
            NDArray b = manager.create(new float[] {80f});
            float factor = clipper.clip(List.of(a, b));

            assertThat(factor).isCloseTo(GradientClipper.MAX_RATIO / 100f, within(1e-5f));
            assertThat(GradientClipper.globalNorm(List.of(a, b))).isCloseTo(GradientClipper.MAX_RATIO, within(1e-4f));
            assertThat(a.toFloatArray()).containsExactly(60f * factor, 0f);
            assertThat(clipper.average())
                    .as("the average takes the clipped norm")
                    .isLessThan(GradientClipper.MAX_RATIO);
            assertThat(clipper.clippedSteps()).isEqualTo(1);
        }
    }

    @Test
    void normsWithinTheBoundAndTheFirstStepsAreLeftAlone() {
        try (NDManager manager = ComputeDevice.cpu().newManager()) {
            GradientClipper clipper = new GradientClipper();
            // Training starts with large gradients that shrink: nothing is clipped before the warm-up ends.
            for (int i = 0; i < GradientClipper.WARM_UP; i++) {
                assertThat(clipper.clip(List.of(manager.create(new float[] {i == 0 ? 1f : 50f}))))
                        .isEqualTo(1f);
            }
            NDArray withinBound = manager.create(new float[] {3f * clipper.average()});
            assertThat(clipper.clip(List.of(withinBound))).isEqualTo(1f);
            assertThat(clipper.clippedSteps()).isZero();
        }
    }

    @Test
    void aNonFiniteNormChangesNothingAndSaysSo() {
        try (NDManager manager = ComputeDevice.cpu().newManager()) {
            GradientClipper clipper = new GradientClipper();
            clipper.clip(List.of(manager.create(new float[] {2f})));
            NDArray poisoned = manager.create(new float[] {1f, Float.NaN});

            assertThat(clipper.clip(List.of(poisoned))).isNaN();
            assertThat(clipper.average()).isEqualTo(2f);
            assertThat(clipper.seen()).isEqualTo(1);
        }
    }
}
