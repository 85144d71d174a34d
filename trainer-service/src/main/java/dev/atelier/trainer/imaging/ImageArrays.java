package dev.atelier.trainer.imaging;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Converts between images and the fast-neural-style tensor convention: float RGB in 0..255, planar
 * (CHW), one image after another (NCHW).
 */
public final class ImageArrays {
    private ImageArrays() {
    }

    /** @throws IOException if the file is not an image ImageIO can decode */
    public static BufferedImage read(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new IOException("not a decodable image: " + file.getFileName());
        }
        return image;
    }

    /** The image's RGB planes, values 0..255. */
    public static float[] toChw(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int plane = width * height;
        int[] rgb = image.getRGB(0, 0, width, height, null, 0, width);
        float[] data = new float[3 * plane];
        for (int i = 0; i < plane; i++) {
            data[i] = (rgb[i] >> 16) & 0xff;
            data[plane + i] = (rgb[i] >> 8) & 0xff;
            data[2 * plane + i] = rgb[i] & 0xff;
        }
        return data;
    }

    /** An image from RGB planes, rounded and clamped to 0..255 (NaN becomes 0). */
    public static BufferedImage fromChw(float[] data, int offset, int width, int height) {
        int plane = width * height;
        int[] rgb = new int[plane];
        for (int i = 0; i < plane; i++) {
            rgb[i] = (channel(data[offset + i]) << 16) | (channel(data[offset + plane + i]) << 8)
                    | channel(data[offset + 2 * plane + i]);
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, width, height, rgb, 0, width);
        return image;
    }

    /** The first image of an NCHW array. */
    public static BufferedImage fromArray(NDArray images) {
        Shape s = images.getShape();
        return fromChw(images.get(0).toFloatArray(), 0, (int) s.get(3), (int) s.get(2));
    }

    /** Stacks images of one size into a {@code [N, 3, H, W]} array. */
    public static NDArray toArray(NDManager manager, List<BufferedImage> images) {
        int width = images.get(0).getWidth();
        int height = images.get(0).getHeight();
        int size = 3 * width * height;
        float[] data = new float[images.size() * size];
        for (int i = 0; i < images.size(); i++) {
            BufferedImage image = images.get(i);
            if (image.getWidth() != width || image.getHeight() != height) {
                throw new IllegalArgumentException("images of one batch must share a size: " + width + "x" + height
                        + " vs " + image.getWidth() + "x" + image.getHeight());
            }
            System.arraycopy(toChw(image), 0, data, i * size, size);
        }
        return manager.create(data, new Shape(images.size(), 3, height, width));
    }

    public static NDArray toArray(NDManager manager, BufferedImage image) {
        return toArray(manager, List.of(image));
    }

    /** Bilinear (area-averaged when shrinking a lot) resize into an RGB image. */
    public static BufferedImage resize(BufferedImage image, int width, int height) {
        BufferedImage source = image;
        // Halve first while far too large, so that bilinear sampling does not alias.
        while (source.getWidth() >= 2 * width && source.getHeight() >= 2 * height) {
            source = draw(source, 0, 0, source.getWidth(), source.getHeight(), source.getWidth() / 2,
                    source.getHeight() / 2);
        }
        return draw(source, 0, 0, source.getWidth(), source.getHeight(), width, height);
    }

    /** Scales so the longer side is at most {@code maxSide} and both sides are multiples of 4. */
    public static BufferedImage fitMultipleOf4(BufferedImage image, int maxSide) {
        double scale = Math.min(1.0, (double) maxSide / Math.max(image.getWidth(), image.getHeight()));
        int width = Math.max(4, (int) Math.round(image.getWidth() * scale) / 4 * 4);
        int height = Math.max(4, (int) Math.round(image.getHeight() * scale) / 4 * 4);
        return resize(image, width, height);
    }

    /** Draws the region (x, y, w, h) of an image into a new RGB image of the given size. */
    public static BufferedImage draw(BufferedImage image, int x, int y, int w, int h, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, width, height, x, y, x + w, y + h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    static int channel(float value) {
        if (!(value > 0f)) {
            return 0;
        }
        return value >= 255f ? 255 : Math.round(value);
    }
}
