package dev.atelier.gateway.api;

import dev.atelier.gateway.auth.Caller;
import dev.atelier.gateway.sources.Uploads;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /v1/uploads}: a presigned URL to PUT a large image straight to S3, then submit the job by its id. */
@Path("/v1/uploads")
@Tag(name = "jobs")
public class UploadsResource {
    private final Uploads uploads;
    private final Caller caller;

    UploadsResource(Uploads uploads, Caller caller) {
        this.uploads = uploads;
        this.caller = caller;
    }

    @Schema(name = "Upload")
    public record UploadView(
            @Schema(description = "Pass as uploadId in a JSON job submission")
            String id,

            @Schema(description = "PUT the image's bytes here, with no Authorization header")
            String url,

            @Schema(example = "PUT") String method,
            Instant expiresAt) {}

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Get a presigned URL to upload an image to S3 directly",
            description =
                    "Then POST /v1/jobs with {\"uploadId\": id, \"style\": ...} as JSON. The image limits apply at submission.")
    @APIResponse(
            responseCode = "201",
            description = "Where to PUT the image",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = UploadView.class)))
    public Response createUpload() {
        Uploads.Created created = uploads.create(caller.tenant());
        return Response.status(Response.Status.CREATED)
                .entity(new UploadView(created.id(), created.url(), "PUT", created.expiresAt()))
                .build();
    }
}
