package dev.atelier.gateway.api;

import dev.atelier.contracts.jobs.JobRecord;
import dev.atelier.gateway.auth.Caller;
import dev.atelier.gateway.config.GatewayConfig;
import dev.atelier.gateway.jobs.JobQueries;
import dev.atelier.gateway.jobs.JobSubmissions;
import dev.atelier.gateway.jobs.JobView;
import dev.atelier.gateway.problems.ProblemException;
import dev.atelier.gateway.problems.ProblemType;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /v1/stylize}: submit and wait, for clients that want the image in one call. It is an ordinary job
 * (listed, cancellable, counted against the quotas); the wait holds no request thread, only a watch.
 */
@Path("/v1/stylize")
@Tag(name = "jobs")
public class StylizeResource {
    private final JobSubmissions submissions;
    private final JobQueries queries;
    private final ResultResponses results;
    private final Caller caller;
    private final GatewayConfig config;

    StylizeResource(
            JobSubmissions submissions,
            JobQueries queries,
            ResultResponses results,
            Caller caller,
            GatewayConfig config) {
        this.submissions = submissions;
        this.queries = queries;
        this.results = results;
        this.caller = caller;
        this.config = config;
    }

    @POST
    @Blocking
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(
            summary = "Stylize an image and wait for it",
            description =
                    "Answers with the image when the job finishes within the wait, else 202 with the job (poll it, "
                            + "or stream /v1/jobs/{id}/events). The same form fields as POST /v1/jobs.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.MULTIPART_FORM_DATA,
                            schema = @Schema(implementation = JobForm.class)))
    @APIResponse(
            responseCode = "200",
            description = "The stylized image; Content-Location names the job's result",
            content = {
                @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    @APIResponse(
            responseCode = "202",
            description = "Not finished within the wait: the job, as from POST /v1/jobs",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class)))
    public Uni<Response> stylize(
            @BeanParam JobForm form,
            @Parameter(description = "Seconds to wait, at most atelier.gateway.stylize.max-wait (30 s by default)")
                    @QueryParam("wait")
                    Integer waitSeconds) {
        Duration wait = wait(waitSeconds);
        String tenant = caller.tenant();
        JobRecord accepted = submissions.submit(tenant, form.toUpload(), null);
        return queries.finished(tenant, accepted.id(), wait)
                .map(done -> done.map(this::finished).orElseGet(() -> pending(accepted)));
    }

    private Duration wait(Integer seconds) {
        Duration max = config.stylize().maxWait();
        if (seconds == null) {
            return max;
        }
        if (seconds < 0 || seconds > max.toSeconds()) {
            throw new ProblemException(
                            ProblemType.INVALID_OPTION,
                            "wait must be between 0 and " + max.toSeconds() + " seconds, was " + seconds)
                    .with("field", "wait");
        }
        return Duration.ofSeconds(seconds);
    }

    private static Response pending(JobRecord accepted) {
        return Response.accepted(JobView.of(accepted))
                .header(HttpHeaders.LOCATION, JobView.location(accepted.id()))
                .build();
    }

    /** Runs on a watcher thread: reading the image from S3 blocks no event loop. */
    private Response finished(JobRecord done) {
        return results.inline(done) // or the job's problem: job-failed or job-gone
                .header("Content-Location", JobView.location(done.id()) + "/result")
                .header("Atelier-Job-Id", done.id())
                .build();
    }
}
