package dev.atelier.gateway.api;

import dev.atelier.contracts.models.ModelManifest;
import dev.atelier.gateway.catalog.StyleCatalog;
import dev.atelier.gateway.jobs.JobStore;
import dev.atelier.gateway.problems.Problem;
import dev.atelier.gateway.problems.ProblemException;
import dev.atelier.gateway.problems.ProblemType;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /v1/styles}: the catalog of styles and their preview images. */
@Path("/v1/styles")
@Tag(name = "styles")
public class StylesResource {
    private final StyleCatalog catalog;
    private final JobStore objects;

    StylesResource(StyleCatalog catalog, JobStore objects) {
        this.catalog = catalog;
        this.objects = objects;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List the styles and their current model versions")
    @APIResponse(responseCode = "200", description = "The catalog",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StyleView.Listing.class)))
    @APIResponse(responseCode = "503", description = "catalog-not-ready", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public StyleView.Listing list() {
        if (!catalog.isLoaded()) {
            throw new ProblemException(ProblemType.CATALOG_NOT_READY, "the style catalog is still loading; try again shortly");
        }
        return new StyleView.Listing(catalog.all().stream().map(StyleView::of).toList());
    }

    @GET
    @Path("/{id}/preview")
    @Operation(summary = "A preview image of a style")
    @APIResponse(responseCode = "200", description = "The preview", content = @Content(mediaType = "image/jpeg"))
    @APIResponse(responseCode = "404", description = "not-found: no such style, or it has no preview", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response preview(@PathParam("id") String id) {
        ModelManifest manifest = catalog.current(id).filter(m -> m.previewKey() != null)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "style '" + id + "' has no preview"));
        byte[] preview = objects.get(manifest.previewKey())
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "style '" + id + "' has no preview"));
        return Response.ok(preview, "image/jpeg").build();
    }
}
