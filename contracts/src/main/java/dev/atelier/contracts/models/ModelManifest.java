package dev.atelier.contracts.models;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.atelier.contracts.AtelierEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * One version of a style's model, stored at {@code models/{styleId}/{version}/manifest.json} and
 * published (key = style id) on the compacted {@code atelier.models} topic, where the latest value
 * of a key is the style's current version.
 *
 * <p>Models follow the fast-neural-style convention: one float input NCHW, RGB in 0..255, one
 * output of the same layout and range.
 *
 * @param styleId stable id, {@code [a-z0-9][a-z0-9_-]*}
 * @param title what people see
 * @param version 1, 2, ... per style
 * @param sha256 hex digest of {@code model.onnx}, checked by workers when they load it
 * @param sizeBytes size of {@code model.onnx}
 * @param modelKey S3 key of {@code model.onnx}
 * @param previewKey S3 key of a preview image, or null
 * @param inputName the model's input tensor
 * @param outputName the model's output tensor
 * @param inputShape NCHW; -1 marks a dynamic dimension
 * @param source where the weights came from (file name, training id), for people
 * @param publishedAt when this version was registered
 * @param quality figures measured before publication (losses on the dataset's held-out photos),
 *     empty for models registered from a file
 * @param owner the tenant that trained the style, who alone sees and uses it; null for a style every
 *     tenant sees (one an operator registered)
 */
public record ModelManifest(
        String styleId,
        String title,
        int version,
        String sha256,
        long sizeBytes,
        String modelKey,
        String previewKey,
        String inputName,
        String outputName,
        List<Long> inputShape,
        String source,
        Instant publishedAt,
        Map<String, Double> quality,
        String owner)
        implements AtelierEvent {

    public static final String STYLE_ID_PATTERN = "[a-z0-9][a-z0-9_-]{0,63}";

    /** A manifest is itself the event that publishes it (the events package lists it as {@code MODEL_PUBLISHED}). */
    public static final String EVENT_TYPE = "atelier.model.published.v1";

    public ModelManifest {
        inputShape = inputShape == null ? List.of(-1L, 3L, -1L, -1L) : List.copyOf(inputShape);
        quality = quality == null ? Map.of() : Map.copyOf(quality);
    }

    /** A manifest without quality figures (a model registered from a file), for every tenant. */
    public ModelManifest(
            String styleId,
            String title,
            int version,
            String sha256,
            long sizeBytes,
            String modelKey,
            String previewKey,
            String inputName,
            String outputName,
            List<Long> inputShape,
            String source,
            Instant publishedAt) {
        this(
                styleId,
                title,
                version,
                sha256,
                sizeBytes,
                modelKey,
                previewKey,
                inputName,
                outputName,
                inputShape,
                source,
                publishedAt,
                Map.of(),
                null);
    }

    /** A manifest for every tenant. */
    public ModelManifest(
            String styleId,
            String title,
            int version,
            String sha256,
            long sizeBytes,
            String modelKey,
            String previewKey,
            String inputName,
            String outputName,
            List<Long> inputShape,
            String source,
            Instant publishedAt,
            Map<String, Double> quality) {
        this(
                styleId,
                title,
                version,
                sha256,
                sizeBytes,
                modelKey,
                previewKey,
                inputName,
                outputName,
                inputShape,
                source,
                publishedAt,
                quality,
                null);
    }

    /** Whether a tenant may see and use this style: everyone's, or its own. */
    public boolean isVisibleTo(String tenant) {
        return owner == null || owner.equals(tenant);
    }

    /** The tenant a training's style belongs to is the tenant of that training (the events' tenant). */
    @Override
    public String tenant() {
        return owner;
    }

    /** The height the model insists on, when its input shape fixes one. */
    public OptionalInt fixedHeight() {
        return dimension(2);
    }

    /** The width the model insists on, when its input shape fixes one. */
    public OptionalInt fixedWidth() {
        return dimension(3);
    }

    private OptionalInt dimension(int index) {
        if (inputShape.size() != 4 || inputShape.get(index) <= 0) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(inputShape.get(index).intValue());
    }

    @JsonIgnore
    public boolean hasFixedSize() {
        return fixedHeight().isPresent() && fixedWidth().isPresent();
    }

    @Override
    public String eventType() {
        return EVENT_TYPE;
    }

    @Override
    public String subject() {
        return styleId;
    }
}
