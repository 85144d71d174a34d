package dev.atelier.worker.jobs;

/** The stable codes of {@code JobError}: clients and dashboards match on them, so never rename one. */
public final class ErrorCodes {
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
    /** S3 could not be reached, even after retries. */
    public static final String STORAGE_UNAVAILABLE = "storage.unavailable";
    /** Kafka did not acknowledge an event, even after retries. */
    public static final String EVENTS_UNAVAILABLE = "events.unavailable";
    /** The message on the requests topic is not a well-formed {@code JobRequested}. */
    public static final String REQUEST_INVALID = "request.invalid";
    /** The job was started as often as a worker may start it, and each time the worker died before finishing it. */
    public static final String WORKER_CRASHED = "worker.crashed";
    /** A bug: anything not foreseen. */
    public static final String INTERNAL = "internal";

    private ErrorCodes() {
    }
}
