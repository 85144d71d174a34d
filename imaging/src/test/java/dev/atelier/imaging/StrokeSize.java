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

    /**
     * How far, in pixels, what was painted over a photo stays alike: the lag at which the autocorrelation of the
     * luminance change from {@code photo} to {@code painted} (same size), averaged across and down, falls to one half.
     * Larger strokes stay alike over more pixels. The photo's own structure is subtracted, so only the paint counts.
     */
    public static double residualCorrelationLength(BufferedImage painted, BufferedImage photo) {
        int w = painted.getWidth();
        int h = painted.getHeight();
        if (photo.getWidth() != w || photo.getHeight() != h) {
            throw new IllegalArgumentException("the pictures differ in size: " + w + "x" + h + " and "
                    + photo.getWidth() + "x" + photo.getHeight());
        }
        double[] change = new double[w * h];
        double mean = 0;
        for (int i = 0; i < change.length; i++) {
            change[i] = PhotoColours.luma(painted.getRGB(i % w, i / w)) - PhotoColours.luma(photo.getRGB(i % w, i / w));
            mean += change[i] / change.length;
        }
        double variance = 0;
        for (int i = 0; i < change.length; i++) {
            change[i] -= mean;
            variance += change[i] * change[i] / change.length;
        }
        double previous = 1;
        int maxLag = Math.min(w, h) / 2;
        for (int lag = 1; lag < maxLag; lag++) {
            double sum = 0;
            long pairs = 0;
            for (int y = 0; y < h - lag; y++) {
                for (int x = 0; x < w - lag; x++) {
                    int i = y * w + x;
                    sum += change[i] * change[i + lag] + change[i] * change[i + lag * w];
                    pairs += 2;
                }
            }
            double correlation = sum / pairs / variance;
            if (correlation < 0.5) {
                return lag - 1 + (previous - 0.5) / (previous - correlation);
            }
            previous = correlation;
        }
        return maxLag;
    }
}
