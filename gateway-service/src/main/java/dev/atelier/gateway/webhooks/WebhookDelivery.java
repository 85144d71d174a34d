package dev.atelier.gateway.webhooks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One message to one endpoint and what became of it, stored at
 * {@code webhooks/{tenant}/deliveries/{endpointId}/...}: the body is fixed when the event arrives, so every
 * attempt sends the same bytes under the same {@code webhook-id}.
 *
 * @param id the {@code webhook-id}: the same on every attempt, so that receivers can drop duplicates
 * @param url where it goes: the endpoint's URL when created, or the job's callback URL
 * @param subject the job the event is about
 * @param payload the JSON body: {@code {"type", "timestamp", "data"}} as the Standard Webhooks spec describes
 * @param nextAttemptAt when the next attempt is due; null once the delivery has ended
 */
public record WebhookDelivery(
        String id,
        String tenant,
        String endpointId,
        String url,
        String eventType,
        String subject,
        String payload,
        Status status,
        List<Attempt> attempts,
        Instant createdAt,
        Instant nextAttemptAt) {

    @Schema(name = "WebhookDeliveryStatus")
    public enum Status {
        /** Not delivered yet; an attempt is due at nextAttemptAt. */
        PENDING,
        /** The endpoint answered 2xx. */
        SUCCEEDED,
        /** Given up: the retry period passed, the endpoint answered 410 Gone, or it was deleted. */
        FAILED
    }

    /**
     * One try.
     *
     * @param statusCode the HTTP status the endpoint answered, or null when there was no answer
     * @param error why the attempt failed, or null when it succeeded
     */
    public record Attempt(Instant at, Integer statusCode, String error, long millis) {
        public boolean succeeded() {
            return error == null;
        }
    }

    public static WebhookDelivery pending(
            String id,
            String tenant,
            String endpointId,
            String url,
            String eventType,
            String subject,
            String payload,
            Instant now) {
        return new WebhookDelivery(
                id, tenant, endpointId, url, eventType, subject, payload, Status.PENDING, List.of(), now, now);
    }

    /** After an attempt: ended when it succeeded or {@code next} is null, else due again at {@code next}. */
    public WebhookDelivery after(Attempt attempt, Instant next) {
        List<Attempt> all = new ArrayList<>(attempts);
        all.add(attempt);
        Status status = attempt.succeeded() ? Status.SUCCEEDED : next == null ? Status.FAILED : Status.PENDING;
        return new WebhookDelivery(
                id,
                tenant,
                endpointId,
                url,
                eventType,
                subject,
                payload,
                status,
                List.copyOf(all),
                createdAt,
                status == Status.PENDING ? next : null);
    }
}
