package dev.atelier.imaging;

import java.awt.image.BufferedImage;

/**
 * Converts RGB images to {@link ImageTensor}s (values 0..255, exact) and back (rounded, clamped to 0..255), so an image
 * survives the round trip pixel for pixel.
 */
public final class TensorImages {
    private TensorImages() {}

    public static ImageTensor toTensor(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] rgb = image.getRGB(0, 0, width, height, null, 0, width);
        ImageTensor tensor = ImageTensor.blank(width, height);
        for (int i = 0; i < rgb.length; i++) {
            tensor.setRgb(i, rgb[i]);
        }
        return tensor;
    }

    /** An RGB image ({@code TYPE_INT_RGB}) of a tensor, e.g. a model's output. */
    public static BufferedImage toImage(ImageTensor tensor) {
        int width = tensor.width();
        int height = tensor.height();
        int[] rgb = new int[width * height];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = tensor.rgb(i);
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, width, height, rgb, 0, width);
        return image;
    }

    /** Rounds and clamps to 0..255: models overshoot (the Van Gogh nets reach -22..277), NaN becomes 0. */
    public static int channel(float value) {
        if (!(value > 0f)) {
            return 0;
        }
        return value >= 255f ? 255 : Math.round(value);
    }
}
