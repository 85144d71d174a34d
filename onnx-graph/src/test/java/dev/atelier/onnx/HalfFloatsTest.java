package dev.atelier.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.platform.Fp16Conversions;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HalfFloatsTest {
    @Test
    void everyHalfComesBackFromItsFloatValue() {
        for (int bits = 0; bits < 0x10000; bits++) {
            short half = (short) bits;
            float value = Fp16Conversions.fp16ToFloat(half);
            if (Float.isNaN(value)) {
                assertThat(Float.isNaN(Fp16Conversions.fp16ToFloat(HalfFloats.fromFloat(value))))
                        .isTrue();
            } else {
                assertThat(HalfFloats.fromFloat(value)).as("half 0x%04x", bits).isEqualTo(half);
            }
        }
    }

    @Test
    void floatsRoundToTheNearestHalfAndToTheEvenOneOnATie() {
        assertThat(HalfFloats.fromFloat(1 + 0x1p-11f))
                .as("tie between 1 and 1+2^-10: the even one")
                .isEqualTo((short) 0x3c00);
        assertThat(HalfFloats.fromFloat(1 + 3 * 0x1p-11f))
                .as("tie, the odd neighbour below: up")
                .isEqualTo((short) 0x3c02);
        assertThat(HalfFloats.fromFloat(65520f))
                .as("halfway past the largest half")
                .isEqualTo((short) 0x7c00);
        assertThat(HalfFloats.fromFloat(65519f)).as("just under it").isEqualTo((short) 0x7bff);
        assertThat(HalfFloats.fromFloat(0x1p-25f))
                .as("half the smallest subnormal: the even one, zero")
                .isZero();
        assertThat(HalfFloats.fromFloat(0x1.000002p-25f)).as("just over it").isEqualTo((short) 1);
        assertThat(HalfFloats.fromFloat(-0f)).isEqualTo((short) 0x8000);
        assertThat(HalfFloats.fromFloat(Float.NEGATIVE_INFINITY)).isEqualTo((short) 0xfc00);
    }

    @Test
    void anyFloatLandsOnTheNearestHalf() {
        SplittableRandom random = new SplittableRandom(16);
        for (int i = 0; i < 1_000_000; i++) {
            float value = Float.intBitsToFloat(random.nextInt());
            if (Float.isNaN(value) || Math.abs(value) > 65504f) {
                continue;
            }
            short half = HalfFloats.fromFloat(value);
            double distance = Math.abs((double) value - Fp16Conversions.fp16ToFloat(half));
            int magnitude = half & 0x7fff;
            for (int neighbour : new int[] {magnitude - 1, magnitude + 1}) {
                if (neighbour >= 0 && neighbour < 0x7c00) {
                    float other = Fp16Conversions.fp16ToFloat((short) ((half & 0x8000) | neighbour));
                    assertThat(distance)
                            .as("%s -> half 0x%04x, its neighbour %s", value, half & 0xffff, other)
                            .isLessThanOrEqualTo(Math.abs((double) value - other));
                }
            }
        }
    }
}
