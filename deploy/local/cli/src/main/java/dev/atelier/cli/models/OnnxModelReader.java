package dev.atelier.cli.models;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.atelier.platform.models.ModelFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads an ONNX file and what its graph declares (by loading it in ONNX Runtime, which also proves
 * it is a model ONNX Runtime can run), refusing models that do not follow the image-to-image
 * convention: one float NCHW input with 3 channels, one output.
 */
public final class OnnxModelReader {
    private OnnxModelReader() {}

    /** The {@code preview.jpg} beside the model (as the trainer writes its models), or null. */
    private static byte[] preview(Path model) throws IOException {
        Path preview = model.resolveSibling("preview.jpg");
        return Files.isRegularFile(preview) ? Files.readAllBytes(preview) : null;
    }

    public static ModelFile read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                OrtSession session = env.createSession(bytes, options)) {
            Map<String, NodeInfo> inputs = session.getInputInfo();
            Map<String, NodeInfo> outputs = session.getOutputInfo();
            if (inputs.size() != 1 || outputs.size() != 1) {
                throw new IllegalArgumentException(file + ": expected one input and one output, got inputs "
                        + inputs.keySet() + " and outputs " + outputs.keySet());
            }
            NodeInfo input = inputs.values().iterator().next();
            long[] shape = ((TensorInfo) input.getInfo()).getShape();
            if (shape.length != 4 || (shape[1] != 3 && shape[1] != -1)) {
                throw new IllegalArgumentException(
                        file + ": expected an NCHW input with 3 channels, got shape " + Arrays.toString(shape));
            }
            List<Long> inputShape = Arrays.stream(shape).boxed().toList();
            return new ModelFile(
                    bytes,
                    input.getName(),
                    outputs.keySet().iterator().next(),
                    inputShape,
                    preview(file),
                    file.getFileName().toString());
        } catch (OrtException e) {
            throw new IllegalArgumentException(file + " is not a model ONNX Runtime can load: " + e.getMessage(), e);
        }
    }
}
