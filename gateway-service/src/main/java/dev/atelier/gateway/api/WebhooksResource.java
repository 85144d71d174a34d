package dev.atelier.gateway.api;

import dev.atelier.gateway.auth.Caller;
import dev.atelier.gateway.problems.ProblemException;
import dev.atelier.gateway.webhooks.WebhookDeliveries;
import dev.atelier.gateway.webhooks.WebhookEndpoint;
import dev.atelier.gateway.webhooks.WebhookEndpoints;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /v1/webhooks}: a tenant's endpoints and their deliveries. Deliveries follow the Standard Webhooks
 * specification: a POST of {@code {"type", "timestamp", "data"}} with {@code webhook-id},
 * {@code webhook-timestamp} and {@code webhook-signature} headers, retried with backoff until the endpoint
 * answers 2xx or the retry period ends.
 */
@Path("/v1/webhooks")
@Tag(name = "webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class WebhooksResource {
    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final Caller caller;

    WebhooksResource(WebhookEndpoints endpoints, WebhookDeliveries deliveries, Caller caller) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Register a webhook endpoint",
            description =
                    "The answer carries the endpoint's signing secret (whsec_...); verify each delivery's webhook-signature "
                            + "with it, using any Standard Webhooks library.")
    @APIResponse(
            responseCode = "201",
            description = "Registered; Location names the endpoint",
            content = @Content(schema = @Schema(implementation = WebhookEndpointView.class)))
    public Response createWebhook(WebhookEndpointRequest body) {
        if (body == null) {
            throw ProblemException.invalidField("url", "the JSON body is required");
        }
        WebhookEndpoint endpoint =
                endpoints.register(caller.tenant(), body.url(), body.eventTypes(), body.description());
        return Response.status(Response.Status.CREATED)
                .entity(WebhookEndpointView.withSecret(endpoint))
                .header(HttpHeaders.LOCATION, "/v1/webhooks/" + endpoint.id())
                .build();
    }

    @GET
    @Operation(summary = "List the caller's webhook endpoints", description = "Without their secrets.")
    @APIResponse(
            responseCode = "200",
            description = "The endpoints",
            content = @Content(schema = @Schema(implementation = WebhookEndpointView.Page.class)))
    public WebhookEndpointView.Page listWebhooks() {
        return new WebhookEndpointView.Page(endpoints.list(caller.tenant()).stream()
                .map(WebhookEndpointView::of)
                .toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a webhook endpoint")
    @APIResponse(
            responseCode = "200",
            description = "The endpoint, without its secret",
            content = @Content(schema = @Schema(implementation = WebhookEndpointView.class)))
    public WebhookEndpointView getWebhook(@PathParam("id") String id) {
        return WebhookEndpointView.of(endpoints.get(caller.tenant(), id));
    }

    @GET
    @Path("/{id}/secret")
    @Operation(
            summary = "Read a webhook endpoint's signing secret",
            description = "'callbacks' is the endpoint of the jobs' callback URLs: reading its secret creates it.")
    @APIResponse(
            responseCode = "200",
            description = "The secret",
            content = @Content(schema = @Schema(implementation = WebhookEndpointView.Secret.class)))
    public WebhookEndpointView.Secret getWebhookSecret(@PathParam("id") String id) {
        return new WebhookEndpointView.Secret(
                endpoints.getOrCreate(caller.tenant(), id).secret());
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            summary = "Delete a webhook endpoint",
            description = "Its pending deliveries end FAILED at their next attempt.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response deleteWebhook(@PathParam("id") String id) {
        endpoints.delete(caller.tenant(), id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "List an endpoint's deliveries, newest first, with every attempt's outcome")
    @APIResponse(
            responseCode = "200",
            description = "A page of deliveries",
            content = @Content(schema = @Schema(implementation = WebhookDeliveryView.Page.class)))
    public WebhookDeliveryView.Page listWebhookDeliveries(
            @PathParam("id") String id,
            @Parameter(description = "A previous page's nextCursor") @QueryParam("cursor") String cursor,
            @Parameter(description = "Deliveries per page, 1 to 100 (default 20)") @QueryParam("limit") Integer limit) {
        String tenant = caller.tenant();
        WebhookEndpoint endpoint = endpoints.get(tenant, id);
        WebhookDeliveries.Page page = deliveries.list(tenant, endpoint.id(), cursor, limit);
        return new WebhookDeliveryView.Page(
                page.deliveries().stream().map(WebhookDeliveryView::of).toList(), page.nextCursor());
    }
}
