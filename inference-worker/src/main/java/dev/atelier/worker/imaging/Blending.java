package dev.atelier.worker.imaging;

import java.awt.image.BufferedImage;

/** The job option {@code strength}: {@code out = s * styled + (1 - s) * content}, per channel. */
public final class Blending {
    private Blending() {
    }

    /** Blends two images of the same size; strength 1 returns {@code styled}, 0 returns {@code content}. */
    public static BufferedImage blend(BufferedImage styled, BufferedImage content, double strength) {
        int width = content.getWidth();
        int height = content.getHeight();
        if (styled.getWidth() != width || styled.getHeight() != height) {
            throw new IllegalArgumentException("cannot blend " + styled.getWidth() + "x" + styled.getHeight()
                    + " with " + width + "x" + height);
        }
        if (strength >= 1.0) {
            return styled;
        }
        if (strength <= 0.0) {
            return content;
        }
        int[] a = styled.getRGB(0, 0, width, height, null, 0, width);
        int[] b = content.getRGB(0, 0, width, height, null, 0, width);
        for (int i = 0; i < a.length; i++) {
            a[i] = mix(a[i] >> 16, b[i] >> 16, strength) << 16
                    | mix(a[i] >> 8, b[i] >> 8, strength) << 8
                    | mix(a[i], b[i], strength);
        }
        BufferedImage blended = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        blended.setRGB(0, 0, width, height, a, 0, width);
        return blended;
    }

    private static int mix(int styled, int content, double strength) {
        return (int) Math.round(strength * (styled & 0xff) + (1.0 - strength) * (content & 0xff));
    }
}
