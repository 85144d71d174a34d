package dev.atelier.gateway.auth;

import dev.atelier.contracts.tenants.ApiKeyRecord;
import dev.atelier.contracts.tenants.TenantIds;
import dev.atelier.gateway.problems.ProblemException;
import dev.atelier.gateway.problems.ProblemType;
import dev.atelier.platform.tenants.ApiKeys;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /admin/v1/tenants/{tenant}/keys}: issue, list and revoke a tenant's API keys. Guarded by
 * {@code atelier.admin.key} ({@link ApiKeyFilter}); absent (404) when that is not set.
 */
@Path("/admin/v1/tenants/{tenant}/keys")
@Tag(name = "admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminKeysResource {
    private final KeyCache cache;

    AdminKeysResource(KeyCache cache) {
        this.cache = cache;
    }

    /** A key as listed: never the key itself. */
    public record KeyView(String id, String tenant, String prefix, Instant createdAt, Instant lastUsedAt) {
        static KeyView of(ApiKeyRecord record, Instant lastUsedAt) {
            return new KeyView(record.id(), record.tenant(), record.prefix(), record.createdAt(), lastUsedAt);
        }
    }

    /** A key just issued, with the key itself: shown this once. */
    public record IssuedKey(String key, String id, String tenant, String prefix, Instant createdAt) {}

    @POST
    @Operation(summary = "Issue an API key for a tenant", description = "The key is in this answer only; store it now.")
    @APIResponse(
            responseCode = "201",
            description = "The new key",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IssuedKey.class)))
    public Response issueKey(@PathParam("tenant") String tenant) {
        ApiKeys.Issued issued = cache.keys().issue(valid(tenant));
        ApiKeyRecord record = issued.record();
        return Response.status(201)
                .entity(new IssuedKey(issued.key(), record.id(), record.tenant(), record.prefix(), record.createdAt()))
                .build();
    }

    @GET
    @Operation(summary = "List a tenant's API keys (prefix, created, last used)")
    public List<KeyView> listKeys(@PathParam("tenant") String tenant) {
        return cache.keys().list(valid(tenant)).stream()
                .map(k -> KeyView.of(k.record(), k.lastUsedAt()))
                .toList();
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            summary = "Revoke an API key",
            description = "Refused at once by this replica, by every replica within atelier.gateway.auth.cache-ttl.")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Response revokeKey(@PathParam("tenant") String tenant, @PathParam("id") String id) {
        if (!cache.keys().revoke(valid(tenant), id)) {
            throw new ProblemException(ProblemType.API_KEY_NOT_FOUND, "tenant " + tenant + " has no key " + id);
        }
        cache.invalidateAll();
        return Response.noContent().build();
    }

    private static String valid(String tenant) {
        if (!TenantIds.isValid(tenant)) {
            throw new ProblemException(
                            ProblemType.INVALID_OPTION,
                            "'" + tenant + "' is not a tenant id: 1 to 63 lower-case letters, digits and inner hyphens")
                    .with("field", "tenant");
        }
        return tenant;
    }
}
