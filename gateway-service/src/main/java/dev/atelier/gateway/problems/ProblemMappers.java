package dev.atelier.gateway.problems;

import dev.atelier.platform.storage.StorageException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every exception that leaves a resource into a problem document: the gateway's own
 * refusals as they are, JAX-RS errors by status, an unreachable object store as 503 and anything
 * else as 500 with a reference id that is also logged (the cause itself is not leaked to clients).
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        return ProblemResponses.of(e.toProblem(request.path()));
    }

    @ServerExceptionMapper
    public Response storage(StorageException e, HttpServerRequest request) {
        LOG.warnf("object store failure on %s %s: %s", request.method(), request.path(), e.getMessage());
        return ProblemResponses.of(Problem.of(
                ProblemType.STORAGE_UNAVAILABLE,
                503,
                "the object store did not answer; try again shortly",
                request.path(),
                Map.of()));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        ProblemType type = ProblemType.forHttpStatus(status);
        if (status >= 500) {
            return unexpected(e, request);
        }
        String detail = e.getMessage() == null || e.getMessage().startsWith("HTTP ") ? type.title() : e.getMessage();
        return ProblemResponses.of(Problem.of(type, status, detail, request.path(), Map.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        if (request.response().ended()) {
            // The HTTP layer answered already (e.g. 413 for a chunked upload over the body limit).
            LOG.debugf("%s %s failed after its response was sent: %s", request.method(), request.path(), e);
            return null;
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error %s on %s %s", reference, request.method(), request.path());
        return ProblemResponses.of(Problem.of(
                ProblemType.INTERNAL_ERROR,
                500,
                "an unexpected error occurred; reference " + reference,
                request.path(),
                Map.of("reference", reference)));
    }
}
