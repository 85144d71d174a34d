package dev.atelier.trainer.training;

/**
 * A batch of same-sized photos, float NCHW RGB 0..255.
 *
 * @param data {@code batch * 3 * height * width} values, image after image, each plane by plane, row by row
 */
public record ImageBatch(float[] data, int batch, int height, int width) {
    public ImageBatch {
        if ((long) batch * 3 * height * width != data.length) {
            throw new IllegalArgumentException(
                    "expected " + batch + "x3x" + height + "x" + width + " values, got " + data.length);
        }
    }
}
