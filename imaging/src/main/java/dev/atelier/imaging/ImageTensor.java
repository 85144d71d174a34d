package dev.atelier.imaging;

/**
 * One RGB image as a float tensor of shape {@code [1, 3, height, width]} (NCHW), values 0..255: the
 * fast-neural-style convention, the same for serving and for training.
 *
 * @param data the red plane, then green, then blue, each row by row
 */
public record ImageTensor(float[] data, int width, int height) {
    public ImageTensor {
        if (data.length != 3L * width * height) {
            throw new IllegalArgumentException(
                    "expected 3x" + height + "x" + width + " = " + 3L * width * height + " floats, got " + data.length);
        }
    }

    /** A black image of the given size, to fill with {@link #setRgb}. */
    public static ImageTensor blank(int width, int height) {
        return new ImageTensor(new float[3 * width * height], width, height);
    }

    /** The ONNX shape, {@code [1, 3, height, width]}. */
    public long[] shape() {
        return new long[] {1, 3, height, width};
    }

    /** Sets the pixel at {@code index = y * width + x} from a packed {@code 0xRRGGBB} (higher bits ignored). */
    public void setRgb(int index, int rgb) {
        int plane = width * height;
        data[index] = (rgb >> 16) & 0xff;
        data[plane + index] = (rgb >> 8) & 0xff;
        data[2 * plane + index] = rgb & 0xff;
    }

    /** The pixel at {@code index = y * width + x} as a packed {@code 0xRRGGBB}, each channel rounded and clamped. */
    public int rgb(int index) {
        int plane = width * height;
        return TensorImages.channel(data[index]) << 16
                | TensorImages.channel(data[plane + index]) << 8
                | TensorImages.channel(data[2 * plane + index]);
    }
}
