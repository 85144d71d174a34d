package dev.atelier.gateway.api;

import dev.atelier.contracts.jobs.JobRecord;
import dev.atelier.gateway.config.GatewayConfig;
import dev.atelier.gateway.jobs.JobQueries;
import dev.atelier.gateway.jobs.JobResult;
import dev.atelier.gateway.problems.ProblemException;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * The HTTP responses that carry a finished job's image, for every endpoint that hands one out: inline (the bytes,
 * with the name a browser saves them under) or, with {@code atelier.gateway.results.delivery=redirect}, a 302 to a
 * presigned S3 URL, so that no image passes through the gateway.
 */
@Singleton
public class ResultResponses {
    private final JobQueries queries;
    private final GatewayConfig.Results settings;

    ResultResponses(JobQueries queries, GatewayConfig config) {
        this.queries = queries;
        this.settings = config.results();
    }

    /**
     * The result of the caller's job, as the configured delivery says.
     *
     * @throws ProblemException as {@link JobQueries#result(String, String)}
     */
    public Response of(String tenant, String jobId) {
        if (settings.delivery() == GatewayConfig.ResultDelivery.REDIRECT) {
            return Response.status(Response.Status.FOUND)
                    .location(URI.create(queries.resultUrl(tenant, jobId, settings.urlTtl())))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .build();
        }
        return inline(queries.result(tenant, jobId)).build();
    }

    /**
     * The image of a job whose final record the caller holds, always inline (the caller adds its own headers).
     * Reads S3: call it off the event loop.
     *
     * @throws ProblemException {@code job-failed} or {@code job-gone} when the job did not succeed
     */
    public Response.ResponseBuilder inline(JobRecord done) {
        return inline(queries.result(done));
    }

    private static Response.ResponseBuilder inline(JobResult result) {
        return Response.ok(result.content(), result.format().mediaType())
                .header("Content-Disposition", "inline; filename=\"" + result.fileName() + "\"");
    }
}
