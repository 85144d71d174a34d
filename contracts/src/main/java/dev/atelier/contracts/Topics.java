package dev.atelier.contracts;

/**
 * Kafka topic names. Quarkus services bind them in {@code application.properties}; the local stack
 * creates them and command-line tools publish to them from here.
 */
public final class Topics {
    /** Stylization jobs, keyed by job id. Value: {@code JobRequested}. */
    public static final String STYLIZE_REQUESTS = "atelier.stylize.requests";
    /**
     * Optimisation jobs (a client's own painting, no trained model), keyed by job id: a topic of their own, so that
     * minutes-long optimisations never delay feed-forward jobs and scale on their own lag. Value: {@code JobRequested}.
     */
    public static final String OPTIMISE_REQUESTS = "atelier.optimise.requests";
    /** State changes of jobs, keyed by job id. Values: {@code JobStarted}, {@code JobCompleted}, {@code JobFailed}. */
    public static final String STYLIZE_EVENTS = "atelier.stylize.events";
    /** Jobs that failed for good, with the reason in headers. */
    public static final String STYLIZE_REQUESTS_DLQ = "atelier.stylize.requests.dlq";
    /** Training requests, keyed by training id. */
    public static final String TRAINING_REQUESTS = "atelier.training.requests";
    /** Training progress and outcome, keyed by training id. */
    public static final String TRAINING_EVENTS = "atelier.training.events";
    /** Compacted: key = style id, value = the style's current {@code ModelManifest}. */
    public static final String MODELS = "atelier.models";

    private Topics() {}
}
