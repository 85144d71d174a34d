package dev.atelier.gateway.problems;

/**
 * Every problem the gateway answers with, in one place. The {@link #uri()} is the stable
 * identifier clients switch on ({@code urn:atelier:problem:<slug>}); titles are for people and
 * may be reworded, slugs never change.
 */
public enum ProblemType {
    INVALID_OPTION("invalid-option", 400, "Invalid or missing request field"),
    IMAGE_URL_NOT_ALLOWED("image-url-not-allowed", 400, "The image URL may not be fetched"),
    WEBHOOK_URL_NOT_ALLOWED("webhook-url-not-allowed", 400, "The webhook or callback URL may not be called"),
    BAD_REQUEST("bad-request", 400, "Malformed request"),
    UNAUTHORIZED("unauthorized", 401, "Missing or invalid API key"),
    JOB_NOT_FOUND("job-not-found", 404, "No such job"),
    TRAINING_NOT_FOUND("training-not-found", 404, "No such training"),
    API_KEY_NOT_FOUND("api-key-not-found", 404, "No such API key"),
    WEBHOOK_NOT_FOUND("webhook-not-found", 404, "No such webhook endpoint"),
    NOT_FOUND("not-found", 404, "No such resource"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", 406, "Cannot produce an acceptable representation"),
    JOB_NOT_FINISHED("job-not-finished", 409, "The job has not finished yet"),
    JOB_FAILED("job-failed", 409, "The job failed"),
    STYLE_ID_TAKEN("style-id-taken", 409, "The style id belongs to a style that is not yours"),
    JOB_NOT_CANCELLABLE("job-not-cancellable", 409, "The job has started or finished and can no longer be cancelled"),
    JOB_GONE("job-gone", 410, "The job was cancelled or expired"),
    IMAGE_TOO_LARGE("image-too-large", 413, "Image file too large"),
    IMAGE_TOO_MANY_PIXELS("image-too-many-pixels", 413, "Image has too many pixels"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported image format"),
    UNSUPPORTED_REQUEST_FORMAT("unsupported-request-format", 415, "Unsupported request content type"),
    UNKNOWN_STYLE("unknown-style", 422, "Unknown style"),
    IMAGE_URL_UNREACHABLE("image-url-unreachable", 422, "The image URL could not be fetched"),
    UPLOAD_NOT_FOUND("upload-not-found", 422, "No image was uploaded under that upload id"),
    UNKNOWN_DATASET("unknown-dataset", 422, "Unknown training dataset"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422, "Idempotency-Key reused with a different request"),
    IMAGE_CORRUPT("image-corrupt", 422, "Image is truncated or corrupt"),
    RATE_LIMITED("rate-limited", 429, "Too many requests"),
    TOO_MANY_JOBS_IN_FLIGHT("too-many-jobs-in-flight", 429, "Too many jobs in flight"),
    INTERNAL_ERROR("internal-error", 500, "Internal error"),
    CATALOG_NOT_READY("catalog-not-ready", 503, "Style catalog not loaded yet"),
    STORAGE_UNAVAILABLE("storage-unavailable", 503, "Object storage unavailable"),
    QUEUE_UNAVAILABLE("queue-unavailable", 503, "Job queue unavailable");

    private static final String PREFIX = "urn:atelier:problem:";

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    /** The short stable name, also used as the {@code reason} label of metrics. */
    public String slug() {
        return slug;
    }

    public String uri() {
        return PREFIX + slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The type for an HTTP error raised outside the gateway's own code (routing, content negotiation). */
    public static ProblemType forHttpStatus(int status) {
        return switch (status) {
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> IMAGE_TOO_LARGE;
            case 415 -> UNSUPPORTED_REQUEST_FORMAT;
            default -> status >= 400 && status < 500 ? BAD_REQUEST : INTERNAL_ERROR;
        };
    }
}
