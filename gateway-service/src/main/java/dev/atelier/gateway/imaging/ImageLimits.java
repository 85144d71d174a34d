package dev.atelier.gateway.imaging;

/**
 * What an uploaded image may be.
 *
 * @param maxBytes largest encoded size
 * @param maxPixels largest width x height
 * @param verifyPixels about how many pixels the integrity check decodes (it subsamples larger images)
 */
public record ImageLimits(long maxBytes, long maxPixels, long verifyPixels) {
    public ImageLimits {
        if (maxBytes <= 0 || maxPixels <= 0 || verifyPixels <= 0) {
            throw new IllegalArgumentException(
                    "image limits must be positive: " + maxBytes + ", " + maxPixels + ", " + verifyPixels);
        }
    }
}
