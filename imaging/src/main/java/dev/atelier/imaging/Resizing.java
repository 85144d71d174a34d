package dev.atelier.imaging;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * The one resize: each side that is at least twice too large is halved (bilinear filtering at exactly half the size
 * averages each 2x2 block), until less than twice too large; then one bilinear step reaches the size asked for, or a
 * bicubic one where the image only grows. A large reduction so averages every pixel instead of sampling a few (one
 * bicubic pass from 4000 to 500 px reads 4 of every 8 columns and turns fine stripes into coarse ones), and it runs in
 * Java2D's native loops. The last step of a reduction is bilinear, not bicubic, because bicubic sampling at factors
 * just under 2 aliases as much and brightens fine detail (stripes of mean 85 came out at 92); this is also the
 * trainer's filter from before the two were one, so its quality-gate calibration still holds. What it draws is
 * {@code TYPE_INT_RGB}.
 */
public final class Resizing {
    private Resizing() {}

    /** The image at {@code width x height}; the image itself when it has that size. */
    public static BufferedImage resize(BufferedImage image, int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("cannot resize to " + width + "x" + height);
        }
        BufferedImage current = image;
        while (current.getWidth() / 2 >= width || current.getHeight() / 2 >= height) {
            int halfWidth = current.getWidth() / 2 >= width ? current.getWidth() / 2 : current.getWidth();
            int halfHeight = current.getHeight() / 2 >= height ? current.getHeight() / 2 : current.getHeight();
            current = draw(current, halfWidth, halfHeight, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        }
        if (current.getWidth() == width && current.getHeight() == height) {
            return current;
        }
        boolean grows = width >= current.getWidth() && height >= current.getHeight();
        return draw(
                current,
                width,
                height,
                grows ? RenderingHints.VALUE_INTERPOLATION_BICUBIC : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    }

    /** The image shrunk so its longer side is at most {@code maxSide}; itself when it already is. */
    public static BufferedImage shrink(BufferedImage image, int maxSide) {
        int longer = Math.max(image.getWidth(), image.getHeight());
        if (longer <= maxSide) {
            return image;
        }
        double scale = (double) maxSide / longer;
        return resize(image, Math.max(1, (int) Math.round(image.getWidth() * scale)), Math.max(1, (int)
                Math.round(image.getHeight() * scale)));
    }

    /**
     * The image scaled so its longer side is at most {@code maxSide} and both sides are multiples of 4 (at least 4), as
     * the transform networks, which halve the resolution twice, take it whole.
     */
    public static BufferedImage fitMultipleOf4(BufferedImage image, int maxSide) {
        double scale = Math.min(1.0, (double) maxSide / Math.max(image.getWidth(), image.getHeight()));
        int width = Math.max(4, (int) Math.round(image.getWidth() * scale) / 4 * 4);
        int height = Math.max(4, (int) Math.round(image.getHeight() * scale) / 4 * 4);
        return resize(image, width, height);
    }

    private static BufferedImage draw(BufferedImage image, int width, int height, Object interpolation) {
        BufferedImage resized = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = resized.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return resized;
    }
}
