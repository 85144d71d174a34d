package dev.atelier.contracts.jobs;

/**
 * What a client may tune on a job.
 *
 * @param strength how much of the stylized image to keep, 0..1; 1 is the model's output alone, lower
 *     values blend it with the content image
 * @param outputFormat the encoding of the result
 */
public record JobOptions(double strength, OutputFormat outputFormat) {
    public static final double DEFAULT_STRENGTH = 1.0;

    public JobOptions {
        if (!(strength >= 0.0 && strength <= 1.0)) {
            throw new IllegalArgumentException("strength must be within 0..1, was " + strength);
        }
        if (outputFormat == null) {
            outputFormat = OutputFormat.PNG;
        }
    }

    public static JobOptions defaults() {
        return new JobOptions(DEFAULT_STRENGTH, OutputFormat.PNG);
    }
}
