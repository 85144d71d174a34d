package dev.atelier.worker.imaging;

/**
 * One RGB image as a float tensor of shape {@code [1, 3, height, width]} (NCHW), values 0..255:
 * the fast-neural-style convention.
 *
 * @param data the red plane, then green, then blue, each row by row
 */
public record ImageTensor(float[] data, int width, int height) {
    public ImageTensor {
        if (data.length != 3L * width * height) {
            throw new IllegalArgumentException("expected 3x" + height + "x" + width + " = " + 3L * width * height
                    + " floats, got " + data.length);
        }
    }

    /** The ONNX shape, {@code [1, 3, height, width]}. */
    public long[] shape() {
        return new long[] {1, 3, height, width};
    }
}
