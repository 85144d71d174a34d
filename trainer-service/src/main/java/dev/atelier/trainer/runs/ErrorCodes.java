package dev.atelier.trainer.runs;

/** Stable codes of a failed training's {@code error}: clients match on them, so never rename one. */
public final class ErrorCodes {
    /** The style image is not in S3. */
    public static final String STYLE_IMAGE_MISSING = "style-image.missing";
    /** The style image does not decode. */
    public static final String STYLE_IMAGE_UNDECODABLE = "style-image.undecodable";
    /** The content dataset is missing, empty, or one of its photos is unusable. */
    public static final String DATASET_UNAVAILABLE = "dataset.unavailable";
    /** S3 could not be reached, even after retries. */
    public static final String STORAGE_UNAVAILABLE = "storage.unavailable";
    /** Kafka did not acknowledge an event, even after retries. */
    public static final String EVENTS_UNAVAILABLE = "events.unavailable";
    /** The trainers running it died mid-training as often as {@code atelier.trainer.max-crashes} allows. */
    public static final String TRAINER_CRASHED = "trainer.crashed";
    /** A bug: anything not foreseen. */
    public static final String INTERNAL = "internal";

    private ErrorCodes() {
    }
}
