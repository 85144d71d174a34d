package dev.atelier.platform.logging;

/**
 * The MDC keys every service uses for what a log line is about, so a log pipeline (JSON logs carry the MDC) can find
 * all lines of one job, training, trace or tenant across the services. The text log formats print them too.
 */
public final class LogFields {
    public static final String JOB_ID = "jobId";
    public static final String TRAINING_ID = "trainingId";
    public static final String TENANT = "tenant";
    /**
     * The trace id of the job or training being worked on. Not Quarkus's own {@code traceId} key: that one is cleared
     * whenever a nested scope of an unsampled span closes, and nothing is sampled unless export is set up.
     */
    public static final String TRACE = "trace";

    private LogFields() {
    }
}
