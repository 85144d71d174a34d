package dev.atelier.gateway.quotas;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * The IETF httpapi RateLimit header fields (draft-ietf-httpapi-ratelimit-headers, structured-field
 * form): {@code RateLimit-Policy: "requests";q=20;w=1} (quota per window of seconds) and
 * {@code RateLimit: "requests";r=19;t=1} (remaining, seconds until the window resets).
 */
public final class RateLimitHeaders {
    public static final String RATE_LIMIT_POLICY = "RateLimit-Policy";
    public static final String RATE_LIMIT = "RateLimit";
    private static final String POLICY = "\"requests\"";

    private RateLimitHeaders() {}

    public static Response.ResponseBuilder add(Response.ResponseBuilder response, RequestRate.Decision decision) {
        return response.header(RATE_LIMIT_POLICY, policy(decision)).header(RATE_LIMIT, state(decision));
    }

    public static void add(MultivaluedMap<String, Object> headers, RequestRate.Decision decision) {
        headers.putSingle(RATE_LIMIT_POLICY, policy(decision));
        headers.putSingle(RATE_LIMIT, state(decision));
    }

    private static String policy(RequestRate.Decision decision) {
        return POLICY + ";q=" + decision.limit() + ";w=1";
    }

    private static String state(RequestRate.Decision decision) {
        return POLICY + ";r=" + decision.remaining() + ";t=" + decision.resetSeconds();
    }
}
