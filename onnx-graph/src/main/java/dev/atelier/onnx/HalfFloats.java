package dev.atelier.onnx;

/**
 * IEEE 754 binary16 ("half") from float, rounded to the nearest half and to the even one on a tie, as Java 20's
 * {@code Float.floatToFloat16} does (this project builds for Java 17): out of range gives infinity, NaN stays NaN.
 */
final class HalfFloats {
    private HalfFloats() {}

    static short fromFloat(float value) {
        int bits = Float.floatToRawIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        int exponent = (bits >>> 23) & 0xff;
        int mantissa = bits & 0x7fffff;
        if (exponent == 0xff) { // infinity, or NaN (kept a quiet NaN)
            return (short) (sign | 0x7c00 | (mantissa != 0 ? 0x200 | (mantissa >>> 13) : 0));
        }
        int halfExponent = exponent - 127 + 15;
        if (halfExponent >= 0x1f) {
            return (short) (sign | 0x7c00);
        }
        if (halfExponent <= 0) { // a subnormal half, or zero
            if (halfExponent < -10) {
                return (short) sign;
            }
            return (short) (sign | roundedShift(mantissa | 0x800000, 14 - halfExponent));
        }
        // A carry out of the mantissa steps the exponent up, and from the largest exponent to infinity: both right.
        return (short) (sign | roundedShift((halfExponent << 23) | mantissa, 13));
    }

    /** {@code value >> shift}, rounded to nearest, ties to even. */
    private static int roundedShift(int value, int shift) {
        int kept = value >>> shift;
        int rest = value & ((1 << shift) - 1);
        int half = 1 << (shift - 1);
        return rest > half || (rest == half && (kept & 1) != 0) ? kept + 1 : kept;
    }
}
