package dev.atelier.worker.imaging;

import java.awt.image.BufferedImage;

/** Converts RGB images to {@link ImageTensor}s and back; model outputs are clamped to 0..255. */
public final class TensorImages {
    private TensorImages() {
    }

    public static ImageTensor toTensor(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int plane = width * height;
        int[] rgb = image.getRGB(0, 0, width, height, null, 0, width);
        float[] data = new float[3 * plane];
        for (int i = 0; i < plane; i++) {
            int pixel = rgb[i];
            data[i] = (pixel >> 16) & 0xff;
            data[plane + i] = (pixel >> 8) & 0xff;
            data[2 * plane + i] = pixel & 0xff;
        }
        return new ImageTensor(data, width, height);
    }

    /**
     * A region of the image as a tensor; where the region reaches past the image's right or bottom edge, the pixels
     * are those {@link Padding#pad} would add. Reads only the region, so a tile of a large photo costs a tile.
     */
    public static ImageTensor toTensor(BufferedImage image, int x0, int y0, int width, int height, PaddingMode mode) {
        int inside = Math.min(width, image.getWidth() - x0);
        if (inside <= 0 || y0 >= image.getHeight()) {
            throw new IllegalArgumentException("region at " + x0 + "," + y0 + " starts outside the " + image.getWidth() + "x"
                    + image.getHeight() + " image");
        }
        int plane = width * height;
        float[] data = new float[3 * plane];
        int[] line = new int[inside];
        for (int y = 0; y < height; y++) {
            int sy = Padding.index(y0 + y, image.getHeight(), mode);
            image.getRGB(x0, sy, inside, 1, line, 0, inside);
            for (int x = 0; x < width; x++) {
                int sx = x < inside ? x0 + x : Padding.index(x0 + x, image.getWidth(), mode);
                int pixel = sx - x0 < inside && sx >= x0 ? line[sx - x0] : image.getRGB(sx, sy);
                int i = y * width + x;
                data[i] = (pixel >> 16) & 0xff;
                data[plane + i] = (pixel >> 8) & 0xff;
                data[2 * plane + i] = pixel & 0xff;
            }
        }
        return new ImageTensor(data, width, height);
    }

    public static BufferedImage toImage(ImageTensor tensor) {
        int width = tensor.width();
        int height = tensor.height();
        int plane = width * height;
        float[] data = tensor.data();
        int[] rgb = new int[plane];
        for (int i = 0; i < plane; i++) {
            rgb[i] = (channel(data[i]) << 16) | (channel(data[plane + i]) << 8) | channel(data[2 * plane + i]);
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, width, height, rgb, 0, width);
        return image;
    }

    /** Rounds and clamps: models overshoot (the Van Gogh nets reach -22..277), NaN becomes 0. */
    public static int channel(float value) {
        if (!(value > 0f)) {
            return 0;
        }
        return value >= 255f ? 255 : Math.round(value);
    }
}
