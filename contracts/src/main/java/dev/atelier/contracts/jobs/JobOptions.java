package dev.atelier.contracts.jobs;

/**
 * What a client may tune on a job.
 *
 * @param strength how much of the stylized image to keep, 0..1; 1 is the model's output alone, lower
 *     values blend it with the content image
 * @param outputFormat the encoding of the result
 * @param preserveColors keep the photo's colours: the result takes the stylized image's luminance and the photo's
 *     chroma
 * @param styleScale the size of the painting's strokes, {@link #MIN_STYLE_SCALE}..{@link #MAX_STYLE_SCALE}: the photo
 *     is run at 1/styleScale of its size and the result brought back, so 2 paints strokes twice as large; null (in
 *     records written before the option existed) reads as 1
 */
public record JobOptions(double strength, OutputFormat outputFormat, boolean preserveColors, Double styleScale) {
    public static final double DEFAULT_STRENGTH = 1.0;
    public static final double MIN_STYLE_SCALE = 0.5;
    public static final double MAX_STYLE_SCALE = 2.0;

    public JobOptions {
        if (!(strength >= 0.0 && strength <= 1.0)) {
            throw new IllegalArgumentException("strength must be within 0..1, was " + strength);
        }
        if (outputFormat == null) {
            outputFormat = OutputFormat.PNG;
        }
        if (styleScale == null) {
            styleScale = 1.0;
        }
        // Written this way round so that NaN is refused too.
        if (!(styleScale >= MIN_STYLE_SCALE && styleScale <= MAX_STYLE_SCALE)) {
            throw new IllegalArgumentException(
                    "styleScale must be within " + MIN_STYLE_SCALE + ".." + MAX_STYLE_SCALE + ", was " + styleScale);
        }
    }

    /** Strength and format, with the photo's own colours off and the painting's stroke size. */
    public JobOptions(double strength, OutputFormat outputFormat) {
        this(strength, outputFormat, false, 1.0);
    }

    public static JobOptions defaults() {
        return new JobOptions(DEFAULT_STRENGTH, OutputFormat.PNG);
    }
}
