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
 */
public record JobUpload(
        Path image,
        String style,
        String strength,
        String outputFormat,
        String preserveColors,
        String styleScale,
        String deadline,
        String callbackUrl) {

    /** The same fields with the image, once fetched from where the submission named it. */
    public JobUpload withImage(Path file) {
        return new JobUpload(file, style, strength, outputFormat, preserveColors, styleScale, deadline, callbackUrl);
    }
}
