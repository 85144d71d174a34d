package dev.atelier.gateway.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /v1/webhooks}. */
@Schema(name = "WebhookEndpointRequest")
public record WebhookEndpointRequest(
        @Schema(
                required = true,
                example = "https://example.com/atelier/webhooks",
                description = "An https URL on a public address; checked again before every delivery")
        String url,

        @Schema(
                required = true,
                example = "[\"job.succeeded\", \"job.failed\"]",
                description = "Any of job.started, job.succeeded, job.failed, job.cancelled, job.expired")
        List<String> eventTypes,

        @Schema(maxLength = 200, example = "order pipeline") String description) {}
