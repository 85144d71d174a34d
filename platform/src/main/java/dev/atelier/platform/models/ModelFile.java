package dev.atelier.platform.models;

import java.util.List;

/**
 * An ONNX model about to be published, with what its graph declares.
 *
 * @param onnx the serialised model
 * @param inputName its single image input
 * @param outputName its single image output
 * @param inputShape NCHW, -1 for dynamic dimensions
 * @param preview a JPEG showing the style, or null
 * @param source where the model came from, for people
 */
public record ModelFile(byte[] onnx, String inputName, String outputName, List<Long> inputShape, byte[] preview, String source) {
}
