package dev.atelier.gateway.api;

import dev.atelier.gateway.webhooks.WebhookEndpoint;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A webhook endpoint as its tenant sees it. The secret is in the answer to its creation only, and at
 * {@code GET /v1/webhooks/{id}/secret}.
 */
@Schema(name = "WebhookEndpoint")
public record WebhookEndpointView(
        @Schema(
                example = "ep_3f0c2b5e9d8a4c1f8e7d6c5b4a392817",
                description = "ep_..., or 'callbacks' for the callback URLs of jobs")
        String id,

        @Schema(nullable = true, description = "Null for 'callbacks': each job names its own")
        String url,

        List<String> eventTypes,
        String description,
        Instant createdAt,

        @Schema(
                nullable = true,
                example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                description = "The signing secret (Standard Webhooks); only in the answer to the creation")
        String secret) {

    static WebhookEndpointView of(WebhookEndpoint endpoint) {
        return new WebhookEndpointView(
                endpoint.id(),
                endpoint.url(),
                endpoint.eventTypes(),
                endpoint.description(),
                endpoint.createdAt(),
                null);
    }

    static WebhookEndpointView withSecret(WebhookEndpoint endpoint) {
        return new WebhookEndpointView(
                endpoint.id(),
                endpoint.url(),
                endpoint.eventTypes(),
                endpoint.description(),
                endpoint.createdAt(),
                endpoint.secret());
    }

    /** The list of {@code GET /v1/webhooks}. */
    @Schema(name = "WebhookEndpointList")
    public record Page(List<WebhookEndpointView> endpoints) {}

    /** The answer of {@code GET /v1/webhooks/{id}/secret}. */
    @Schema(name = "WebhookSecret")
    public record Secret(
            @Schema(example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
            String secret) {}
}
