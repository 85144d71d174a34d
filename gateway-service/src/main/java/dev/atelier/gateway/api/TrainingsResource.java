package dev.atelier.gateway.api;

import dev.atelier.gateway.auth.Caller;
import dev.atelier.gateway.trainings.TrainingQueries;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /v1/trainings}: a training's status, latest losses and preview (start one with {@code POST /v1/styles}). */
@Path("/v1/trainings")
@Tag(name = "styles")
public class TrainingsResource {
    private final TrainingQueries queries;
    private final Caller caller;

    TrainingsResource(TrainingQueries queries, Caller caller) {
        this.caller = caller;
        this.queries = queries;
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Read a training's status, progress and outcome")
    @APIResponse(
            responseCode = "200",
            description = "The training",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TrainingView.class)))
    public TrainingView getTraining(@PathParam("id") String id) {
        return TrainingView.of(queries.find(caller.tenant(), id));
    }

    @GET
    @Path("/{id}/preview")
    @Operation(summary = "The latest preview image of a training")
    @APIResponse(
            responseCode = "200",
            description = "The preview",
            content = @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response trainingPreview(@PathParam("id") String id) {
        return Response.ok(queries.preview(caller.tenant(), id), "image/jpeg").build();
    }
}
