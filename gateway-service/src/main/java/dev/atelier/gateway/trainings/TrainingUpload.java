package dev.atelier.gateway.trainings;

import java.nio.file.Path;

/**
 * A style submission as it arrived, nothing checked yet: the style image and the text fields.
 *
 * @param image the uploaded style image (spooled to disk by the HTTP layer), or null when missing
 */
public record TrainingUpload(
        Path image,
        String styleId,
        String title,
        String width,
        String steps,
        String batchSize,
        String imageSize,
        String contentWeight,
        String styleWeight,
        String tvWeight,
        String dataset) {}
