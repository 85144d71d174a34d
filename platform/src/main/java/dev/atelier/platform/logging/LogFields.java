package dev.atelier.platform.logging;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.MDC;

/**
 * The MDC keys every service uses for what a log line is about, so a log pipeline (JSON logs carry the MDC) can find
 * all lines of one job, training, trace or tenant across the services. The text log formats print them too. Put
 * them with {@link #job}, {@link #training} or {@link #put} in a try-with-resources: closing the scope restores what
 * the thread's MDC held before, so no id outlives its work on a pooled thread.
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

    private LogFields() {}

    /** Log lines about a job. */
    public static Scope job(String jobId, String tenant) {
        return put(JOB_ID, jobId).and(TENANT, tenant);
    }

    /** Log lines about a training. */
    public static Scope training(String trainingId, String tenant) {
        return put(TRAINING_ID, trainingId).and(TENANT, tenant);
    }

    public static Scope put(String key, String value) {
        return new Scope().and(key, value);
    }

    /** MDC entries put for a piece of work; closing it puts back what they replaced. */
    public static final class Scope implements AutoCloseable {
        private final Map<String, Object> replaced = new LinkedHashMap<>();

        private Scope() {}

        /** Also puts {@code key}; a null value leaves the key out. */
        public Scope and(String key, String value) {
            if (value != null) {
                if (!replaced.containsKey(key)) {
                    replaced.put(key, MDC.get(key));
                }
                MDC.put(key, value);
            }
            return this;
        }

        @Override
        public void close() {
            replaced.forEach((key, previous) -> {
                if (previous == null) {
                    MDC.remove(key);
                } else {
                    MDC.put(key, previous);
                }
            });
        }
    }
}
