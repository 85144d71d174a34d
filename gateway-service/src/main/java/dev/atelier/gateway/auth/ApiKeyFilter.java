package dev.atelier.gateway.auth;

import dev.atelier.contracts.tenants.ApiKeyRecord;
import dev.atelier.gateway.problems.Problem;
import dev.atelier.gateway.problems.ProblemResponses;
import dev.atelier.gateway.problems.ProblemType;
import dev.atelier.gateway.quotas.KeyLookupRate;
import dev.atelier.gateway.quotas.RateLimitHeaders;
import dev.atelier.gateway.quotas.RequestRate;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Authenticates every {@code /v1} call by its API key and every {@code /admin} call by the admin
 * key, before the resource runs. Runs on the resource's worker thread (not the event loop), since a
 * cache miss reads S3. A refusal is a 401 problem with a {@code WWW-Authenticate} challenge
 * (RFC 6750), with {@code error="invalid_token"} when a credential was presented but is wrong.
 */
public class ApiKeyFilter {
    static final String V1 = "/v1/";
    static final String ADMIN = "/admin/";
    private static final String BEARER = "Bearer ";
    private static final String REALM = "Bearer realm=\"atelier\"";

    private final KeyCache keys;
    private final Caller caller;
    private final RequestRate rate;
    private final KeyLookupRate lookups;
    private final Optional<String> adminKey;

    ApiKeyFilter(
            KeyCache keys,
            Caller caller,
            RequestRate rate,
            KeyLookupRate lookups,
            @ConfigProperty(name = "atelier.admin.key") Optional<String> adminKey) {
        this.keys = keys;
        this.lookups = lookups;
        this.rate = rate;
        this.caller = caller;
        this.adminKey = adminKey.filter(k -> !k.isBlank());
    }

    @ServerRequestFilter
    public Response authenticate(ContainerRequestContext request, HttpServerRequest http) {
        String path = request.getUriInfo().getPath();
        Optional<String> presented = bearer(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (path.startsWith(ADMIN)) {
            return admin(path, presented);
        }
        if (!path.startsWith(V1)) {
            return null;
        }
        if (presented.isEmpty()) {
            return unauthorized(path, REALM, "this call needs an API key: send 'Authorization: Bearer atl_...'");
        }
        if (keys.cached(presented.get()) == null) {
            // A key this replica does not know costs an S3 read: counted per client address before it is made.
            long wait = lookups.take(clientAddress(http));
            if (wait > 0) {
                Response problem = ProblemResponses.of(Problem.of(
                        ProblemType.RATE_LIMITED,
                        429,
                        "more than " + lookups.limit() + " unknown API keys per second from this address; retry after "
                                + wait + " s",
                        path,
                        Map.of("limit", lookups.limit())));
                return Response.fromResponse(problem)
                        .header(HttpHeaders.RETRY_AFTER, Long.toString(wait))
                        .build();
            }
        }
        Optional<ApiKeyRecord> record = keys.resolve(presented.get());
        if (record.isEmpty()) {
            return unauthorized(path, REALM + ", error=\"invalid_token\"", "the API key is unknown or was revoked");
        }
        caller.authenticate(record.get().tenant());
        RequestRate.Decision decision = rate.take(record.get().tenant());
        caller.rated(decision);
        if (!decision.allowed()) {
            Response problem = ProblemResponses.of(Problem.of(
                    ProblemType.RATE_LIMITED,
                    429,
                    "more than " + decision.limit() + " requests per second for this tenant; retry after "
                            + decision.resetSeconds() + " s",
                    path,
                    Map.of("limit", decision.limit())));
            return RateLimitHeaders.add(Response.fromResponse(problem), decision)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(decision.resetSeconds()))
                    .build();
        }
        return null;
    }

    /** {@code RateLimit-Policy} and {@code RateLimit} on every answer to an authenticated {@code /v1} call. */
    @ServerResponseFilter
    public void rateLimitHeaders(ContainerRequestContext request, ContainerResponseContext response) {
        RequestRate.Decision decision = request.getUriInfo().getPath().startsWith(V1) ? caller.rate() : null;
        if (decision != null && !response.getHeaders().containsKey(RateLimitHeaders.RATE_LIMIT)) {
            RateLimitHeaders.add(response.getHeaders(), decision);
        }
    }

    private Response admin(String path, Optional<String> presented) {
        if (adminKey.isEmpty()) {
            // With no admin key configured the admin API does not exist: 404, as for any unserved path,
            // so a deployment without one neither offers nor advertises an endpoint to attack.
            return ProblemResponses.of(Problem.of(
                    ProblemType.NOT_FOUND,
                    404,
                    "nothing is served at " + path + " (the admin API is off: set atelier.admin.key to turn it on)",
                    path,
                    Map.of()));
        }
        // Constant-time comparison: the admin key is compared, not looked up.
        if (presented.isEmpty()
                || !MessageDigest.isEqual(
                        presented.get().getBytes(StandardCharsets.UTF_8),
                        adminKey.get().getBytes(StandardCharsets.UTF_8))) {
            return unauthorized(
                    path,
                    "Bearer realm=\"atelier-admin\"" + (presented.isEmpty() ? "" : ", error=\"invalid_token\""),
                    "the admin API needs the admin key: send 'Authorization: Bearer <atelier.admin.key>'");
        }
        return null;
    }

    private static String clientAddress(HttpServerRequest http) {
        return http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
    }

    private static Optional<String> bearer(String authorization) {
        if (authorization == null
                || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return Optional.of(authorization.substring(BEARER.length()).trim());
    }

    private static Response unauthorized(String path, String challenge, String detail) {
        Response problem = ProblemResponses.of(Problem.of(ProblemType.UNAUTHORIZED, 401, detail, path, Map.of()));
        return Response.fromResponse(problem)
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
                .build();
    }
}
