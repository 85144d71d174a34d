package dev.atelier.worker.imaging;

import java.awt.image.BufferedImage;

/** The job option {@code strength}: {@code out = s * styled + (1 - s) * content}, per channel. */
public final class Blending {
    private Blending() {}

    /**
     * Blends two images of the same size into {@code styled}, which it returns (strength 1 leaves it as it is); 0
     * returns {@code content}.
     */
    public static BufferedImage blend(BufferedImage styled, BufferedImage content, double strength) {
        int width = content.getWidth();
        int height = content.getHeight();
        if (styled.getWidth() != width || styled.getHeight() != height) {
            throw new IllegalArgumentException(
                    "cannot blend " + styled.getWidth() + "x" + styled.getHeight() + " with " + width + "x" + height);
        }
        if (strength >= 1.0) {
            return styled;
        }
        if (strength <= 0.0) {
            return content;
        }
        // Row by row into the stylized image (the caller's own result): a full-size copy of a 40 MP photo costs 160 MB.
        int[] a = new int[width];
        int[] b = new int[width];
        for (int y = 0; y < height; y++) {
            styled.getRGB(0, y, width, 1, a, 0, width);
            content.getRGB(0, y, width, 1, b, 0, width);
            for (int i = 0; i < width; i++) {
                a[i] = mix(a[i] >> 16, b[i] >> 16, strength) << 16
                        | mix(a[i] >> 8, b[i] >> 8, strength) << 8
                        | mix(a[i], b[i], strength);
            }
            styled.setRGB(0, y, width, 1, a, 0, width);
        }
        return styled;
    }

    private static int mix(int styled, int content, double strength) {
        return (int) Math.round(strength * (styled & 0xff) + (1.0 - strength) * (content & 0xff));
    }
}
