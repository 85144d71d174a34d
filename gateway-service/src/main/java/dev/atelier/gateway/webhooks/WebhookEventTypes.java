package dev.atelier.gateway.webhooks;

import dev.atelier.contracts.events.EventTypes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The event types a webhook endpoint subscribes to, each named after the job state it announces, and the
 * internal event (on {@code atelier.stylize.events}) each one comes from.
 */
public final class WebhookEventTypes {
    public static final String JOB_STARTED = "job.started";
    /** A running optimisation job reported progress (every few steps): for clients that follow one. */
    public static final String JOB_PROGRESSED = "job.progressed";

    public static final String JOB_SUCCEEDED = "job.succeeded";
    public static final String JOB_FAILED = "job.failed";
    public static final String JOB_CANCELLED = "job.cancelled";
    public static final String JOB_EXPIRED = "job.expired";

    private static final Map<String, String> BY_CLOUD_EVENT_TYPE = new LinkedHashMap<>();

    static {
        BY_CLOUD_EVENT_TYPE.put(EventTypes.JOB_STARTED, JOB_STARTED);
        BY_CLOUD_EVENT_TYPE.put(EventTypes.JOB_PROGRESSED, JOB_PROGRESSED);
        BY_CLOUD_EVENT_TYPE.put(EventTypes.JOB_COMPLETED, JOB_SUCCEEDED);
        BY_CLOUD_EVENT_TYPE.put(EventTypes.JOB_FAILED, JOB_FAILED);
        BY_CLOUD_EVENT_TYPE.put(EventTypes.JOB_CANCELLED, JOB_CANCELLED);
        BY_CLOUD_EVENT_TYPE.put(EventTypes.JOB_EXPIRED, JOB_EXPIRED);
    }

    /** Every type an endpoint may subscribe to. */
    public static final Set<String> ALL = Set.copyOf(BY_CLOUD_EVENT_TYPE.values());

    /** The types a job's callback URL receives: its final states. */
    public static final Set<String> FINAL = Set.of(JOB_SUCCEEDED, JOB_FAILED, JOB_CANCELLED, JOB_EXPIRED);

    private WebhookEventTypes() {}

    /** The webhook type of an internal CloudEvent type, if it is one that webhooks announce. */
    public static Optional<String> of(String cloudEventType) {
        return Optional.ofNullable(BY_CLOUD_EVENT_TYPE.get(cloudEventType));
    }
}
