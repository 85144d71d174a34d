package dev.atelier.contracts.errors;

/**
 * Every stable code of a failed job's or training's {@code error.code}, in one place: clients, webhooks and dashboards
 * match on them, so never rename one, and document a new one in docs/events.md (a test checks).
 */
public final class ErrorCodes {
    // --- jobs (written by the worker; queue.unavailable by the gateway)

    /** The input is not a readable image, or it is truncated. */
    public static final String INPUT_UNDECODABLE = "input.undecodable";
    /** The input has more pixels than the worker accepts. */
    public static final String INPUT_TOO_LARGE = "input.too-large";
    /** The input object is not in S3. */
    public static final String INPUT_MISSING = "input.missing";
    /** The model file is corrupt, fails its checksum, or does not match its manifest. */
    public static final String MODEL_INVALID = "model.invalid";
    /** No model for the style or the pinned version. */
    public static final String MODEL_UNAVAILABLE = "model.unavailable";
    /** The model refused to run on the input. */
    public static final String INFERENCE_FAILED = "inference.failed";
    /** The message on the requests topic is not a well-formed request. */
    public static final String REQUEST_INVALID = "request.invalid";
    /** The job was started as often as a worker may start it, and each time the worker died before finishing it. */
    public static final String WORKER_CRASHED = "worker.crashed";

    // --- trainings (written by the trainer; queue.unavailable by the gateway)

    /** The style image is not in S3. */
    public static final String STYLE_IMAGE_MISSING = "style-image.missing";
    /** The style image does not decode. */
    public static final String STYLE_IMAGE_UNDECODABLE = "style-image.undecodable";
    /** The content dataset is missing, empty, or one of its photos is unusable. */
    public static final String DATASET_UNAVAILABLE = "dataset.unavailable";
    /** The trained model missed a bound of the quality gate; the message has the figures. */
    public static final String QUALITY_BELOW_GATE = "quality.below-gate";
    /** The ONNX export computes something else than the trained network; the message has the figures. */
    public static final String EXPORT_PARITY = "export.parity";
    /** A loss network's weights are not configured, not found, or not what their sha256 says. */
    public static final String LOSS_NETWORK_UNAVAILABLE = "loss-network.unavailable";
    /** The loss became NaN or infinite: the settings (learning rate, weights) made the training diverge. */
    public static final String TRAINING_DIVERGED = "training.diverged";
    /** An optimisation job's loss became NaN or infinite step after step: its weights or painting made it diverge. */
    public static final String OPTIMISATION_DIVERGED = "optimisation.diverged";
    /** This trainer cannot train at all (its compute engine did not load). */
    public static final String TRAINER_UNAVAILABLE = "trainer.unavailable";
    /** The trainers running it died mid-training as often as {@code atelier.trainer.max-crashes} allows. */
    public static final String TRAINER_CRASHED = "trainer.crashed";
    /** The style id belongs to another tenant (or to every tenant) by the time the model was to be published. */
    public static final String STYLE_TAKEN = "style.taken";

    // --- both

    /** Kafka did not take the request in time when it was submitted: submit it again. */
    public static final String QUEUE_UNAVAILABLE = "queue.unavailable";
    /** S3 could not be reached, even after retries. */
    public static final String STORAGE_UNAVAILABLE = "storage.unavailable";
    /** Kafka did not acknowledge an event, even after retries. */
    public static final String EVENTS_UNAVAILABLE = "events.unavailable";
    /** A bug: anything not foreseen. */
    public static final String INTERNAL = "internal";

    private ErrorCodes() {}
}
