package dev.atelier.gateway.api;

import dev.atelier.contracts.models.ModelManifest;
import dev.atelier.contracts.training.TrainingRecord;
import dev.atelier.gateway.auth.Caller;
import dev.atelier.gateway.catalog.StyleCatalog;
import dev.atelier.gateway.jobs.JobStore;
import dev.atelier.gateway.problems.ProblemException;
import dev.atelier.gateway.problems.ProblemType;
import dev.atelier.gateway.trainings.TrainingSubmitter;
import dev.atelier.gateway.trainings.TrainingUpload;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /v1/styles}: the catalog of styles and their preview images, and training new ones. */
@Path("/v1/styles")
@Tag(name = "styles")
public class StylesResource {
    private final StyleCatalog catalog;
    private final JobStore objects;
    private final TrainingSubmitter trainings;
    private final Caller caller;

    StylesResource(StyleCatalog catalog, JobStore objects, TrainingSubmitter trainings, Caller caller) {
        this.caller = caller;
        this.catalog = catalog;
        this.objects = objects;
        this.trainings = trainings;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Upload a style image to train a style model",
            description = "Answers 202 once the image is stored, the training recorded and queued durably. Poll the "
                    + "Location; once SUCCEEDED the model is the style's current version.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.MULTIPART_FORM_DATA,
                            schema = @Schema(implementation = StyleForm.class)))
    @APIResponse(
            responseCode = "202",
            description = "Accepted; Location names the training",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TrainingView.class)))
    public Response trainStyle(@BeanParam StyleForm form) {
        TrainingRecord record = trainings.submit(
                caller.tenant(),
                new TrainingUpload(
                        form.image == null ? null : form.image.uploadedFile(),
                        form.styleId,
                        form.title,
                        form.width,
                        form.steps,
                        form.batchSize,
                        form.imageSize,
                        form.contentWeight,
                        form.styleWeight,
                        form.tvWeight,
                        form.dataset));
        return Response.accepted(TrainingView.of(record))
                .header(HttpHeaders.LOCATION, TrainingView.location(record.id()))
                .build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List the styles and their current model versions")
    @APIResponse(
            responseCode = "200",
            description = "The catalog",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = StyleView.Listing.class)))
    public StyleView.Listing listStyles() {
        if (!catalog.isLoaded()) {
            throw new ProblemException(
                    ProblemType.CATALOG_NOT_READY, "the style catalog is still loading; try again shortly");
        }
        return new StyleView.Listing(
                catalog.visibleTo(caller.tenant()).stream().map(StyleView::of).toList());
    }

    @GET
    @Path("/{id}/preview")
    @Operation(summary = "A preview image of a style")
    @APIResponse(
            responseCode = "200",
            description = "The preview",
            content = @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response stylePreview(@PathParam("id") String id) {
        ModelManifest manifest = catalog.currentFor(caller.tenant(), id)
                .filter(m -> m.previewKey() != null)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "style '" + id + "' has no preview"));
        byte[] preview = objects.get(manifest.previewKey())
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "style '" + id + "' has no preview"));
        return Response.ok(preview, "image/jpeg").build();
    }
}
