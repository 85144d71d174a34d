package dev.atelier.worker.imaging;

import dev.atelier.imaging.ImageTensor;
import java.awt.image.BufferedImage;

/**
 * Pads an image on the right and bottom so its sides are multiples of a number (the models halve
 * the resolution twice, so sides must divide by 4), and crops a result back to the original size;
 * or reads a tile of the padded image without padding the whole.
 */
public final class Padding {
    private Padding() {}

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

    /**
     * A region of the image as a tensor; where the region reaches past the image's right or bottom edge, the pixels
     * are those {@link #pad} would add. Reads only the region, so a tile of a large photo costs a tile.
     */
    public static ImageTensor tensor(BufferedImage image, int x0, int y0, int width, int height, PaddingMode mode) {
        int inside = Math.min(width, image.getWidth() - x0);
        if (inside <= 0 || y0 >= image.getHeight()) {
            throw new IllegalArgumentException("region at " + x0 + "," + y0 + " starts outside the " + image.getWidth()
                    + "x" + image.getHeight() + " image");
        }
        ImageTensor tensor = ImageTensor.blank(width, height);
        int[] line = new int[inside];
        for (int y = 0; y < height; y++) {
            int sy = index(y0 + y, image.getHeight(), mode);
            image.getRGB(x0, sy, inside, 1, line, 0, inside);
            for (int x = 0; x < width; x++) {
                int sx = x < inside ? x0 + x : index(x0 + x, image.getWidth(), mode);
                int pixel = sx - x0 < inside && sx >= x0 ? line[sx - x0] : image.getRGB(sx, sy);
                tensor.setRgb(y * width + x, pixel);
            }
        }
        return tensor;
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
