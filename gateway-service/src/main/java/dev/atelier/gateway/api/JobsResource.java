package dev.atelier.gateway.api;

import dev.atelier.contracts.jobs.JobRecord;
import dev.atelier.contracts.jobs.JobStatus;
import dev.atelier.gateway.auth.Caller;
import dev.atelier.gateway.jobs.JobCancellation;
import dev.atelier.gateway.jobs.JobListing;
import dev.atelier.gateway.jobs.JobProgress;
import dev.atelier.gateway.jobs.JobQueries;
import dev.atelier.gateway.jobs.JobSubmissions;
import dev.atelier.gateway.jobs.JobUpload;
import dev.atelier.gateway.jobs.JobView;
import dev.atelier.gateway.problems.ProblemException;
import dev.atelier.gateway.problems.ProblemType;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /v1/jobs}: submit a stylization job, read its status, fetch its result. Errors are
 * {@code application/problem+json} with a stable {@code type} (documented by {@link ProblemResponsesFilter}).
 * Longer than most classes only because of its OpenAPI annotations.
 */
@Path("/v1/jobs")
@Tag(name = "jobs")
public class JobsResource {
    private final JobSubmissions submissions;
    private final JobQueries queries;
    private final JobCancellation cancellation;
    private final ResultResponses results;
    private final Caller caller;

    JobsResource(
            JobSubmissions submissions,
            JobQueries queries,
            JobCancellation cancellation,
            ResultResponses results,
            Caller caller) {
        this.submissions = submissions;
        this.queries = queries;
        this.cancellation = cancellation;
        this.results = results;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Submit a stylization job",
            description = "Answers 202 once the input is stored, the job recorded and the job queued durably.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.MULTIPART_FORM_DATA,
                            schema = @Schema(implementation = JobForm.class)))
    @APIResponse(
            responseCode = "202",
            description = "Accepted; Location names the job",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class)))
    public Response submitJob(@BeanParam JobForm form, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return accepted(submissions.submit(caller.tenant(), form.toUpload(), idempotencyKey));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Submit a stylization job whose image is an upload or an https URL",
            description =
                    "Give uploadId (see POST /v1/uploads) or imageUrl. The URL is fetched under SSRF rules: https only, "
                            + "public addresses only, redirects re-checked, at most the image size cap read.")
    @RequestBody(
            required = true,
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobJson.class)))
    @APIResponse(
            responseCode = "202",
            description = "Accepted; Location names the job",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class)))
    public Response submitJobJson(JobJson body, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        if (body == null) {
            throw new ProblemException(ProblemType.INVALID_OPTION, "the JSON body is required").with("field", "style");
        }
        JobUpload fields = new JobUpload(
                null,
                body.style(),
                body.strength(),
                body.outputFormat(),
                body.preserveColors(),
                body.styleScale(),
                body.deadline(),
                body.callbackUrl(),
                body.mode(),
                null,
                body.steps(),
                body.maxSide(),
                body.contentWeight());
        return accepted(submissions.submitNamedImage(
                caller.tenant(), body.uploadId(), body.imageUrl(), body.styleUploadId(), fields, idempotencyKey));
    }

    private static Response accepted(JobRecord record) {
        return Response.accepted(JobView.of(record))
                .header(HttpHeaders.LOCATION, JobView.location(record.id()))
                .build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "List the caller's jobs, newest first",
            description =
                    "Cursor pagination: pass a page's nextCursor as cursor for the next page; it is null on the last. "
                            + "With a status filter a page may hold fewer than limit jobs and still have a next cursor.")
    @APIResponse(
            responseCode = "200",
            description = "A page of jobs; Link names the next page, if any",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = JobPageView.class)))
    public Response listJobs(
            @Parameter(description = "A previous page's nextCursor") @QueryParam("cursor") String cursor,
            @Parameter(description = "Jobs per page, 1 to 100 (default 20)") @QueryParam("limit") Integer limit,
            @Parameter(description = "Only jobs in this status", schema = @Schema(implementation = JobStatus.class))
                    @QueryParam("status")
                    String status) {
        JobListing.Page page = queries.list(caller.tenant(), cursor, limit, status);
        JobPageView view = JobPageView.of(page);
        Response.ResponseBuilder response = Response.ok(view);
        if (page.nextCursor() != null) {
            response.header(
                    "Link",
                    "<" + view.next() + (limit == null ? "" : "&limit=" + limit)
                            + (status == null ? "" : "&status=" + status) + ">; rel=\"next\"");
        }
        return response.build();
    }

    @DELETE
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Cancel a job that has not started, or an optimisation job that is running",
            description = "A QUEUED job ends CANCELLED and is never run; cancelling a CANCELLED job again answers the"
                    + " same. A RUNNING optimisation job (mode=optimise) stops at its next progress report and ends"
                    + " CANCELLED: the answer is then 202 with the job as it stands.")
    @APIResponse(
            responseCode = "200",
            description = "The job, CANCELLED",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class)))
    @APIResponse(
            responseCode = "202",
            description = "A running optimisation job, asked to stop",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class)))
    public Response cancelJob(@PathParam("id") String id) {
        JobRecord record = cancellation.cancel(caller.tenant(), id);
        return Response.status(record.status().isFinal() ? Response.Status.OK : Response.Status.ACCEPTED)
                .entity(JobView.of(record))
                .build();
    }

    @GET
    @Path("/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(
            summary = "Stream a job's state changes (Server-Sent Events)",
            description =
                    "One event per state (name: queued, running, succeeded, failed, cancelled, expired; data: the Job; "
                            + "id: the state's position). The stream starts with the current state, or with the first state after "
                            + "Last-Event-ID when the client resumes, and ends after the final state.")
    @APIResponse(
            responseCode = "200",
            description = "An event stream",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS))
    public Multi<OutboundSseEvent> jobEvents(
            @PathParam("id") String id, @HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse) {
        return queries.changes(caller.tenant(), id, lastEventId)
                .map(record -> sse.newEventBuilder()
                        .id(JobProgress.of(record).eventId())
                        .name(record.status().name().toLowerCase(Locale.ROOT))
                        .mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(JobView.class, JobView.of(record))
                        .build());
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Read a job's status and details")
    @APIResponse(
            responseCode = "200",
            description = "The job",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class)))
    public JobView getJob(@PathParam("id") String id) {
        return JobView.of(queries.find(caller.tenant(), id));
    }

    @GET
    @Path("/{id}/preview")
    @Produces("image/jpeg")
    @Operation(
            summary = "Download an optimisation job's latest preview",
            description = "The picture as it stood at the job's last progress report (progress.step); replaced at"
                    + " every report while the job runs. Not cached: it changes.")
    @APIResponse(
            responseCode = "200",
            description = "The preview, JPEG",
            content = @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response jobPreview(@PathParam("id") String id) {
        return Response.ok(queries.preview(caller.tenant(), id), "image/jpeg")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    @GET
    @Path("/{id}/result")
    @Operation(summary = "Download a finished job's image")
    @APIResponse(
            responseCode = "302",
            description =
                    "With atelier.gateway.results.delivery=redirect: Location is a presigned S3 URL, valid for atelier.gateway.results.url-ttl")
    @APIResponse(
            responseCode = "200",
            description = "The stylized image, inline",
            content = {
                @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    public Response jobResult(@PathParam("id") String id) {
        return results.of(caller.tenant(), id);
    }
}
