package dev.atelier.imaging;

import java.awt.image.BufferedImage;

/** A statistic of how large a picture's strokes are, for the tests of the stroke-size options. */
public final class StrokeSize {
    private StrokeSize() {}

    /**
     * The mean gradient of the luminance over its mean deviation: how often it changes per pixel, in units of its own
     * contrast. Strokes twice as large change half as often, so this halves.
     */
    public static double meanSpatialFrequency(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        double[] luma = new double[w * h];
        double mean = 0;
        for (int i = 0; i < luma.length; i++) {
            luma[i] = PhotoColours.luma(image.getRGB(i % w, i / w));
            mean += luma[i] / luma.length;
        }
        double gradient = 0;
        double deviation = 0;
        for (int y = 0; y < h - 1; y++) {
            for (int x = 0; x < w - 1; x++) {
                int i = y * w + x;
                gradient += Math.abs(luma[i + 1] - luma[i]) + Math.abs(luma[i + w] - luma[i]);
                deviation += Math.abs(luma[i] - mean);
            }
        }
        return gradient / deviation;
    }
}
