package dev.atelier.platform.models;

import java.util.List;
import java.util.Map;

/**
 * An ONNX model about to be published, with what its graph declares.
 *
 * @param onnx the serialised model
 * @param inputName its single image input
 * @param outputName its single image output
 * @param inputShape NCHW, -1 for dynamic dimensions
 * @param preview a JPEG showing the style, or null
 * @param source where the model came from, for people
 * @param quality figures to publish in the manifest (e.g. held-out losses), empty when none were measured
 */
public record ModelFile(
        byte[] onnx,
        String inputName,
        String outputName,
        List<Long> inputShape,
        byte[] preview,
        String source,
        Map<String, Double> quality) {

    public ModelFile {
        quality = quality == null ? Map.of() : Map.copyOf(quality);
    }

    /** A model without quality figures (registered from a file). */
    public ModelFile(
            byte[] onnx, String inputName, String outputName, List<Long> inputShape, byte[] preview, String source) {
        this(onnx, inputName, outputName, inputShape, preview, source, Map.of());
    }
}
