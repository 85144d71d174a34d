package dev.atelier.imaging;

import java.awt.image.BufferedImage;

/**
 * Turns an image as stored into the image as it should be seen, for the eight EXIF orientations
 * (TIFF tag 0x0112). Pixels are moved, not resampled, so nothing is lost.
 */
public final class Orientation {
    /** Stored as seen. */
    public static final int NORMAL = 1;
    /** Stored mirrored left to right: applying it mirrors an image. */
    public static final int MIRRORED = 2;

    private Orientation() {}

    /** The upright image; orientations outside 1..8 are treated as {@link #NORMAL}. */
    public static BufferedImage apply(BufferedImage stored, int orientation) {
        if (orientation < 2 || orientation > 8) {
            return stored;
        }
        int w = stored.getWidth();
        int h = stored.getHeight();
        boolean swap = orientation >= 5;
        int outWidth = swap ? h : w;
        int outHeight = swap ? w : h;
        int[] source = stored.getRGB(0, 0, w, h, null, 0, w);
        int[] target = new int[source.length];
        for (int y = 0; y < outHeight; y++) {
            for (int x = 0; x < outWidth; x++) {
                target[y * outWidth + x] = source[sourceIndex(orientation, x, y, w, h)];
            }
        }
        BufferedImage upright = new BufferedImage(outWidth, outHeight, BufferedImage.TYPE_INT_RGB);
        upright.setRGB(0, 0, outWidth, outHeight, target, 0, outWidth);
        return upright;
    }

    /** Where the pixel seen at (x, y) is stored, in a stored image of {@code w x h}. */
    private static int sourceIndex(int orientation, int x, int y, int w, int h) {
        return switch (orientation) {
            case 2 -> y * w + (w - 1 - x); // mirrored horizontally
            case 3 -> (h - 1 - y) * w + (w - 1 - x); // rotated 180
            case 4 -> (h - 1 - y) * w + x; // mirrored vertically
            case 5 -> x * w + y; // transposed
            case 6 -> (h - 1 - x) * w + y; // shown rotated 90 clockwise
            case 7 -> (h - 1 - x) * w + (w - 1 - y); // transversed
            case 8 -> x * w + (w - 1 - y); // shown rotated 90 counter-clockwise
            default -> y * w + x;
        };
    }
}
