package dev.atelier.worker.imaging;

import java.awt.image.BufferedImage;

/**
 * Pads an image on the right and bottom so its sides are multiples of a number (the models halve
 * the resolution twice, so sides must divide by 4), and crops a result back to the original size.
 */
public final class Padding {
    private Padding() {
    }

    /** The image grown to sides that are multiples of {@code multiple} and at least {@code minSide}. */
    public static BufferedImage pad(BufferedImage image, int multiple, int minSide, PaddingMode mode) {
        int width = image.getWidth();
        int height = image.getHeight();
        int paddedWidth = paddedSize(width, multiple, minSide);
        int paddedHeight = paddedSize(height, multiple, minSide);
        if (paddedWidth == width && paddedHeight == height) {
            return image;
        }
        int[] source = image.getRGB(0, 0, width, height, null, 0, width);
        int[] target = new int[paddedWidth * paddedHeight];
        for (int y = 0; y < paddedHeight; y++) {
            int sy = index(y, height, mode);
            for (int x = 0; x < paddedWidth; x++) {
                target[y * paddedWidth + x] = source[sy * width + index(x, width, mode)];
            }
        }
        BufferedImage padded = new BufferedImage(paddedWidth, paddedHeight, BufferedImage.TYPE_INT_RGB);
        padded.setRGB(0, 0, paddedWidth, paddedHeight, target, 0, paddedWidth);
        return padded;
    }

    /** The top-left {@code width x height} of an image, as an image of its own. */
    public static BufferedImage crop(BufferedImage image, int width, int height) {
        if (image.getWidth() == width && image.getHeight() == height) {
            return image;
        }
        BufferedImage cropped = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        cropped.setRGB(0, 0, width, height, image.getRGB(0, 0, width, height, null, 0, width), 0, width);
        return cropped;
    }

    static int paddedSize(int size, int multiple, int minSide) {
        int atLeast = Math.max(size, minSide);
        return (atLeast + multiple - 1) / multiple * multiple;
    }

    /** Source coordinate for a target coordinate; reflection repeats with period 2n-2 for any amount of padding. */
    static int index(int i, int n, PaddingMode mode) {
        if (i < n) {
            return i;
        }
        if (mode == PaddingMode.EDGE || n == 1) {
            return n - 1;
        }
        int period = 2 * n - 2;
        int r = i % period;
        return r < n ? r : period - r;
    }
}
