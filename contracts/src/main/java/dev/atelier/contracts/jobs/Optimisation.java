package dev.atelier.contracts.jobs;

/**
 * What makes a job an optimisation job (Gatys et al.): the picture itself is optimised against the perceptual loss
 * for a painting the client sent, instead of a trained model being run. Null on a feed-forward job's record.
 *
 * @param styleImageKey S3 key of the client's painting
 * @param styleImage the painting as the gateway saw it
 * @param steps optimisation steps
 * @param maxSide the longest side of the result, in pixels
 * @param contentWeight weight of the content loss against the style loss; null for the loss network's default
 */
public record Optimisation(String styleImageKey, ImageInfo styleImage, int steps, int maxSide, Double contentWeight) {
    /** The style id an optimisation job's record and events carry: no catalog style may take it. */
    public static final String STYLE_ID = "gatys";

    public static final int DEFAULT_STEPS = 300;
    public static final int DEFAULT_MAX_SIDE = 512;
    /** The smallest result worth optimising: the loss network's deepest layer is 1/8 of the side. */
    public static final int MIN_MAX_SIDE = 64;

    public Optimisation {
        if (styleImageKey == null || styleImageKey.isBlank()) {
            throw new IllegalArgumentException("an optimisation needs the key of its painting");
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, was " + steps);
        }
        if (maxSide < MIN_MAX_SIDE) {
            throw new IllegalArgumentException("maxSide must be at least " + MIN_MAX_SIDE + ", was " + maxSide);
        }
        // Written this way round so that NaN is refused too.
        if (contentWeight != null && !(contentWeight > 0 && contentWeight < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("contentWeight must be a positive number, was " + contentWeight);
        }
    }
}
