package dev.atelier.gateway.jobs;

import java.nio.file.Path;

/**
 * A submission as it arrived, nothing checked yet.
 *
 * @param image the uploaded file (spooled to disk by the HTTP layer), or null when missing
 * @param style the {@code style} field
 * @param strength the {@code strength} field, or null
 * @param outputFormat the {@code outputFormat} field, or null
 * @param preserveColors the {@code preserveColors} field, or null
 * @param styleScale the {@code styleScale} field, or null
 * @param deadline the {@code deadline} field (RFC 3339), or null
 * @param callbackUrl the {@code callbackUrl} field: where the job's final state is delivered as a webhook, or null
 * @param mode the {@code mode} field: {@code feedforward} (a trained style, the default) or {@code optimise} (the
 *     client's own painting), or null
 * @param styleImage the painting of an optimisation job (spooled to disk by the HTTP layer), or null
 * @param steps the {@code steps} field of an optimisation job, or null
 * @param maxSide the {@code maxSide} field of an optimisation job, or null
 * @param contentWeight the {@code contentWeight} field of an optimisation job, or null
 */
public record JobUpload(
        Path image,
        String style,
        String strength,
        String outputFormat,
        String preserveColors,
        String styleScale,
        String deadline,
        String callbackUrl,
        String mode,
        Path styleImage,
        String steps,
        String maxSide,
        String contentWeight) {

    /** A feed-forward submission: no mode, no painting. */
    public JobUpload(
            Path image,
            String style,
            String strength,
            String outputFormat,
            String preserveColors,
            String styleScale,
            String deadline,
            String callbackUrl) {
        this(
                image,
                style,
                strength,
                outputFormat,
                preserveColors,
                styleScale,
                deadline,
                callbackUrl,
                null,
                null,
                null,
                null,
                null);
    }

    /** The same fields with the image, once fetched from where the submission named it. */
    public JobUpload withImage(Path file) {
        return new JobUpload(
                file,
                style,
                strength,
                outputFormat,
                preserveColors,
                styleScale,
                deadline,
                callbackUrl,
                mode,
                styleImage,
                steps,
                maxSide,
                contentWeight);
    }

    /** The same fields with the painting, once fetched from the upload the submission named. */
    public JobUpload withStyleImage(Path file) {
        return new JobUpload(
                image,
                style,
                strength,
                outputFormat,
                preserveColors,
                styleScale,
                deadline,
                callbackUrl,
                mode,
                file,
                steps,
                maxSide,
                contentWeight);
    }
}
