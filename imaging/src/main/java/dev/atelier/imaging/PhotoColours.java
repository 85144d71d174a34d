package dev.atelier.imaging;

import java.awt.image.BufferedImage;

/**
 * The job option {@code preserveColors}: the stylized image's luminance with the photo's chroma, the luminance-only
 * transfer of Gatys et al., "Preserving Color in Neural Artistic Style Transfer" (2016). Luminance is BT.601 luma on
 * the sRGB-encoded values, the Y of JPEG's YCbCr and of the paper's YIQ (the two share Y and differ only in how they
 * rotate chroma, so they give the same result). Keeping Cb and Cr while Y changes by d adds d to R, G and B alike, so
 * each pixel is the photo's plus the difference of the two lumas; a channel pushed out of 0..255 is clipped, which
 * is where the result's chroma can differ from the photo's. A perceptual space such as CIELAB would separate
 * lightness better but costs a cube root per channel and pixel on photos of tens of megapixels.
 */
public final class PhotoColours {
    private PhotoColours() {}

    /** Writes the result into {@code styled}, row by row (no full-size copy), and returns it. */
    public static BufferedImage keep(BufferedImage styled, BufferedImage photo) {
        int width = photo.getWidth();
        int height = photo.getHeight();
        if (styled.getWidth() != width || styled.getHeight() != height) {
            throw new IllegalArgumentException("cannot take the colours of a " + width + "x" + height + " photo for a "
                    + styled.getWidth() + "x" + styled.getHeight() + " image");
        }
        int[] s = new int[width];
        int[] p = new int[width];
        for (int y = 0; y < height; y++) {
            styled.getRGB(0, y, width, 1, s, 0, width);
            photo.getRGB(0, y, width, 1, p, 0, width);
            for (int i = 0; i < width; i++) {
                double shift = luma(s[i]) - luma(p[i]);
                s[i] = channel(p[i] >> 16, shift) << 16 | channel(p[i] >> 8, shift) << 8 | channel(p[i], shift);
            }
            styled.setRGB(0, y, width, 1, s, 0, width);
        }
        return styled;
    }

    /** BT.601 luma of a packed RGB pixel, 0..255. */
    public static double luma(int rgb) {
        return 0.299 * (rgb >> 16 & 0xff) + 0.587 * (rgb >> 8 & 0xff) + 0.114 * (rgb & 0xff);
    }

    private static int channel(int value, double shift) {
        return (int) Math.max(0, Math.min(255, Math.round((value & 0xff) + shift)));
    }
}
