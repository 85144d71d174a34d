package dev.atelier.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;

/** How far apart two 8-bit pictures of the same size are (a test fixture of the worker's and the trainer's tests). */
public final class Pictures {
    private Pictures() {}

    /** Peak signal-to-noise ratio over the three channels, in dB (infinite when the pictures are equal). */
    public static double psnr(BufferedImage a, BufferedImage b) {
        assertThat(b.getWidth()).isEqualTo(a.getWidth());
        assertThat(b.getHeight()).isEqualTo(a.getHeight());
        int w = a.getWidth();
        int h = a.getHeight();
        int[] x = a.getRGB(0, 0, w, h, null, 0, w);
        int[] y = b.getRGB(0, 0, w, h, null, 0, w);
        double squared = 0;
        for (int i = 0; i < x.length; i++) {
            for (int shift = 0; shift <= 16; shift += 8) {
                double d = ((x[i] >> shift) & 0xff) - ((y[i] >> shift) & 0xff);
                squared += d * d;
            }
        }
        double mse = squared / (3.0 * x.length);
        return 10 * Math.log10(255.0 * 255.0 / mse);
    }

    /** The mean absolute difference of the three channels' 8-bit values. */
    public static double meanDifference(BufferedImage a, BufferedImage b) {
        int w = a.getWidth();
        int h = a.getHeight();
        int[] x = a.getRGB(0, 0, w, h, null, 0, w);
        int[] y = b.getRGB(0, 0, w, h, null, 0, w);
        long sum = 0;
        for (int i = 0; i < x.length; i++) {
            for (int shift = 0; shift <= 16; shift += 8) {
                sum += Math.abs((x[i] >> shift & 0xff) - (y[i] >> shift & 0xff));
            }
        }
        return sum / (3.0 * x.length);
    }

    /** Mean distance of the pictures' (Cb, Cr) pairs (BT.601, 0..255 scale): how far apart their colours are. */
    public static double chromaDistance(BufferedImage a, BufferedImage b) {
        assertThat(b.getWidth()).isEqualTo(a.getWidth());
        assertThat(b.getHeight()).isEqualTo(a.getHeight());
        double sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                sum += Math.hypot(cb(p) - cb(q), cr(p) - cr(q));
            }
        }
        return sum / ((double) a.getWidth() * a.getHeight());
    }

    private static double cb(int rgb) {
        return -0.168736 * (rgb >> 16 & 0xff) - 0.331264 * (rgb >> 8 & 0xff) + 0.5 * (rgb & 0xff);
    }

    private static double cr(int rgb) {
        return 0.5 * (rgb >> 16 & 0xff) - 0.418688 * (rgb >> 8 & 0xff) - 0.081312 * (rgb & 0xff);
    }
}
