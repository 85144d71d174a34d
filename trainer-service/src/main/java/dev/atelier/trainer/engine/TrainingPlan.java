package dev.atelier.trainer.engine;

import dev.atelier.contracts.training.TrainingOptions;
import dev.atelier.trainer.datasets.PhotoSet;
import java.awt.image.BufferedImage;

/**
 * Everything one training needs, gathered by the service before it calls {@link TrainingEngine#train}.
 *
 * @param trainingId the training, for logs
 * @param styleId the style being trained
 * @param styleImage the style image, upright RGB ({@code TYPE_INT_RGB}), at its stored size
 * @param options sizes, steps and loss weights as the client asked (null weights: the trainer's defaults)
 * @param photos the content photos: train on {@link PhotoSet#trainPhotos()} only
 * @param checkpointEvery steps between checkpoints
 * @param previewEvery steps between previews
 * @param seed for every random choice (crops, flips, shuffles, initial weights): derived from the
 *     training id, so a resumed training draws as the first attempt would have
 */
public record TrainingPlan(
        String trainingId,
        String styleId,
        BufferedImage styleImage,
        TrainingOptions options,
        PhotoSet photos,
        int checkpointEvery,
        int previewEvery,
        long seed) {}
