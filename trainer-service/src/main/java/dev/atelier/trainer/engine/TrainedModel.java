package dev.atelier.trainer.engine;

import java.util.List;
import java.util.Map;

/**
 * What a training produced: the exported ONNX model (image in, image out, NCHW RGB 0..255), a
 * preview and the quality figures measured on the held-out photos.
 *
 * @param onnx the serialised model, already checked against the training graph
 * @param inputName its single image input
 * @param outputName its single image output
 * @param inputShape NCHW, -1 for dynamic dimensions
 * @param preview a JPEG showing the style on a held-out photo, or null
 * @param quality figures by name (e.g. {@code heldOutStyleLoss}), published in the model manifest
 */
public record TrainedModel(
        byte[] onnx,
        String inputName,
        String outputName,
        List<Long> inputShape,
        byte[] preview,
        Map<String, Double> quality) {

    public TrainedModel {
        quality = quality == null ? Map.of() : Map.copyOf(quality);
    }
}
