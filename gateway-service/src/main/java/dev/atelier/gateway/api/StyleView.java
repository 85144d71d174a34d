package dev.atelier.gateway.api;

import dev.atelier.contracts.models.ModelManifest;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A style as clients see it.
 *
 * @param id what to send as {@code style}
 * @param version the current model version ({@code id@version} pins one)
 * @param inputShape the model's NCHW input, -1 marking a free dimension
 * @param fixedWidth the width the model insists on, if it fixes one
 * @param fixedHeight the height the model insists on, if it fixes one
 * @param previewUrl where to GET a preview image, if there is one
 */
@Schema(name = "Style")
public record StyleView(
        String id,
        String title,
        int version,
        List<Long> inputShape,
        Integer fixedWidth,
        Integer fixedHeight,
        String previewUrl,
        Instant publishedAt) {

    static StyleView of(ModelManifest manifest) {
        return new StyleView(
                manifest.styleId(),
                manifest.title(),
                manifest.version(),
                manifest.inputShape(),
                manifest.fixedWidth().isPresent() ? manifest.fixedWidth().getAsInt() : null,
                manifest.fixedHeight().isPresent() ? manifest.fixedHeight().getAsInt() : null,
                manifest.previewKey() == null ? null : "/v1/styles/" + manifest.styleId() + "/preview",
                manifest.publishedAt());
    }

    /** The catalog: {@code {"styles": [...]}}, an object so that fields can be added later. */
    @Schema(name = "StyleList")
    public record Listing(List<StyleView> styles) {}
}
