package dev.atelier.gateway.api;

import dev.atelier.gateway.webhooks.WebhookDelivery;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One delivery to an endpoint and its attempts, as listed by {@code GET /v1/webhooks/{id}/deliveries}. */
@Schema(name = "WebhookDelivery")
public record WebhookDeliveryView(
        @Schema(description = "The webhook-id header: the same on every attempt")
        String id,

        @Schema(example = "job.succeeded") String eventType,
        @Schema(description = "The job the event is about") String jobId,
        String url,
        WebhookDelivery.Status status,
        Instant createdAt,

        @Schema(nullable = true, description = "When the next attempt is due; null once delivered or given up")
        Instant nextAttemptAt,

        List<AttemptView> attempts) {

    @Schema(name = "WebhookAttempt")
    public record AttemptView(
            Instant at,

            @Schema(nullable = true, description = "The endpoint's HTTP status; null when it did not answer")
            Integer statusCode,

            @Schema(nullable = true, description = "Why the attempt failed; null when it succeeded")
            String error,

            long durationMs) {}

    static WebhookDeliveryView of(WebhookDelivery delivery) {
        return new WebhookDeliveryView(
                delivery.id(),
                delivery.eventType(),
                delivery.subject(),
                delivery.url(),
                delivery.status(),
                delivery.createdAt(),
                delivery.nextAttemptAt(),
                delivery.attempts().stream()
                        .map(a -> new AttemptView(a.at(), a.statusCode(), a.error(), a.millis()))
                        .toList());
    }

    /** A page of deliveries, newest first. */
    @Schema(name = "WebhookDeliveryPage")
    public record Page(
            List<WebhookDeliveryView> deliveries,

            @Schema(nullable = true, description = "Pass as cursor for the next page; null on the last")
            String nextCursor) {}
}
