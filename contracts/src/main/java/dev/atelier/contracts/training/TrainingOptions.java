package dev.atelier.contracts.training;

import java.util.regex.Pattern;

/**
 * What a client may tune on a training. Sizes have defaults and bounds here, so the gateway refuses
 * what the trainer would refuse; the loss weights are optional because their scale belongs to the
 * loss network the trainer uses (null means the trainer's own default).
 *
 * @param width base channel count of the transform network (the starter models use 16)
 * @param steps optimisation steps
 * @param batchSize content crops per step
 * @param imageSize side of the square content crops, a multiple of 4
 * @param contentWeight weight of the content loss, or null
 * @param styleWeight weight of the style loss, or null
 * @param tvWeight weight of the total-variation loss, or null
 * @param dataset name of the content photo set under {@code datasets/{name}/}
 * @throws InvalidTrainingOptionException naming the field out of bounds
 */
public record TrainingOptions(
        int width,
        int steps,
        int batchSize,
        int imageSize,
        Double contentWeight,
        Double styleWeight,
        Double tvWeight,
        String dataset) {

    public static final int DEFAULT_WIDTH = 16;
    public static final int DEFAULT_STEPS = 4000;
    public static final int DEFAULT_BATCH_SIZE = 4;
    public static final int DEFAULT_IMAGE_SIZE = 256;
    public static final String DEFAULT_DATASET = "debian";
    public static final Range WIDTH = new Range(4, 128);
    public static final Range STEPS = new Range(1, 1_000_000);
    public static final Range BATCH_SIZE = new Range(1, 64);
    public static final Range IMAGE_SIZE = new Range(32, 1024);
    /** Dataset names become S3 key segments. */
    public static final Pattern DATASET_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    public TrainingOptions {
        WIDTH.check("width", width);
        STEPS.check("steps", steps);
        BATCH_SIZE.check("batchSize", batchSize);
        IMAGE_SIZE.check("imageSize", imageSize);
        if (imageSize % 4 != 0) {
            throw new InvalidTrainingOptionException(
                    "imageSize", "imageSize must be a multiple of 4, was " + imageSize);
        }
        checkWeight("contentWeight", contentWeight);
        checkWeight("styleWeight", styleWeight);
        checkWeight("tvWeight", tvWeight);
        if (dataset == null) {
            dataset = DEFAULT_DATASET;
        }
        if (!DATASET_NAME.matcher(dataset).matches()) {
            throw new InvalidTrainingOptionException(
                    "dataset", "dataset must match " + DATASET_NAME + ", was '" + dataset + "'");
        }
    }

    public static TrainingOptions defaults() {
        return new TrainingOptions(
                DEFAULT_WIDTH,
                DEFAULT_STEPS,
                DEFAULT_BATCH_SIZE,
                DEFAULT_IMAGE_SIZE,
                null,
                null,
                null,
                DEFAULT_DATASET);
    }

    private static void checkWeight(String field, Double weight) {
        // Written this way round so that NaN is refused too.
        if (weight != null && !(weight >= 0 && weight < Double.POSITIVE_INFINITY)) {
            throw new InvalidTrainingOptionException(field, field + " must be a finite number >= 0, was " + weight);
        }
    }

    /** Inclusive bounds of an integer option. */
    public record Range(int min, int max) {
        void check(String field, int value) {
            if (value < min || value > max) {
                throw new InvalidTrainingOptionException(
                        field, field + " must be within " + min + ".." + max + ", was " + value);
            }
        }
    }
}
