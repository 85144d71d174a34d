package dev.atelier.gateway.problems;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Builds JAX-RS responses carrying a problem document. */
public final class ProblemResponses {
    /** Seconds a client should wait before retrying after a 503 (dependencies usually come back fast). */
    static final String RETRY_AFTER_SECONDS = "5";

    private ProblemResponses() {}

    public static Response of(Problem problem) {
        Response.ResponseBuilder response = Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                // Serialised here, not by a MessageBodyWriter, so the body is the same whatever the Accept header.
                .entity(problem.toJson());
        if (problem.status() == 503) {
            response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        } else if (problem.status() == 429 && problem.extensions().get("retryAfterSeconds") != null) {
            response.header(
                    HttpHeaders.RETRY_AFTER,
                    problem.extensions().get("retryAfterSeconds").toString());
        }
        return response.build();
    }
}
