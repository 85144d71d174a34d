package dev.atelier.gateway.problems;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Problem documents for what the HTTP layer refuses before any resource runs: a body larger than
 * {@code quarkus.http.limits.max-body-size}, whether announced by {@code Content-Length} or found
 * while reading a chunked upload (Quarkus would answer an empty 413), other client errors of the
 * body handler, and a path that no route serves (Vert.x would answer a plain-text 404).
 */
@Singleton
public class HttpLayerProblems {
    /** Just before Quarkus's own upload-limit handler (order -2), which ends the response with no body. */
    private static final int BEFORE_UPLOAD_LIMIT = -3;

    private final Optional<MemorySize> maxBodySize;

    HttpLayerProblems(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    void install(@Observes Router router) {
        long limit = maxBodySize.map(MemorySize::asLongValue).orElse(-1L);
        if (limit >= 0) {
            router.route().order(BEFORE_UPLOAD_LIMIT).handler(ctx -> refuseAnnouncedOversizedBody(ctx, limit));
        }
        router.route().order(BEFORE_UPLOAD_LIMIT).failureHandler(ctx -> clientFailure(ctx, limit));
        router.errorHandler(
                404,
                ctx -> send(
                        ctx,
                        Problem.of(
                                ProblemType.NOT_FOUND,
                                404,
                                "nothing is served at " + ctx.request().path(),
                                ctx.request().path(),
                                Map.of())));
    }

    private static void refuseAnnouncedOversizedBody(RoutingContext ctx, long limit) {
        String length = ctx.request().getHeader(HttpHeaderNames.CONTENT_LENGTH);
        // A malformed length is not ours to judge: Quarkus and Vert.x refuse it further on.
        boolean announcedTooLarge = length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > limit;
        if (!announcedTooLarge) {
            ctx.next();
            return;
        }
        tooLarge(ctx, "the request body of " + length + " bytes exceeds the limit of " + limit + " bytes", limit);
    }

    /** A handler failed the request with a status and no exception: the body handler's 413 and 400s. */
    private static void clientFailure(RoutingContext ctx, long limit) {
        int status = ctx.statusCode();
        if (ctx.failure() != null
                || status < 400
                || status >= 500
                || ctx.response().headWritten()) {
            ctx.next();
        } else if (status == 413) {
            tooLarge(ctx, "the request body exceeds the limit of " + limit + " bytes", limit);
        } else {
            ProblemType type = ProblemType.forHttpStatus(status);
            send(ctx, Problem.of(type, status, type.title(), ctx.request().path(), Map.of()));
        }
    }

    private static void tooLarge(RoutingContext ctx, String detail, long limit) {
        // Close afterwards, as Quarkus does: the unread body must not be taken for the next request.
        ctx.response().putHeader(HttpHeaderNames.CONNECTION, "close");
        ctx.response().endHandler(ignored -> ctx.request().connection().close());
        send(
                ctx,
                Problem.of(
                        ProblemType.IMAGE_TOO_LARGE,
                        413,
                        detail,
                        ctx.request().path(),
                        Map.of("maxRequestBytes", limit)));
    }

    private static void send(RoutingContext ctx, Problem problem) {
        ctx.response()
                .setStatusCode(problem.status())
                .putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(Buffer.buffer(problem.toJson()));
    }
}
