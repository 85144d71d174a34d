package dev.atelier.worker.inference;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.atelier.contracts.models.ModelManifest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;

/** A model file loaded as the worker would, with a manifest made from its own inputs and outputs. */
final class TestModels {
    private TestModels() {}

    static LoadedModel load(OrtEnvironment environment, Path file) throws Exception {
        OrtSession session;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            session = environment.createSession(file.toString(), options);
        }
        String input = session.getInputNames().iterator().next();
        String output = session.getOutputNames().iterator().next();
        long[] shape = ((TensorInfo) session.getInputInfo().get(input).getInfo()).getShape();
        ModelManifest manifest = new ModelManifest(
                "test",
                "test",
                1,
                "00",
                1,
                "k",
                null,
                input,
                output,
                Arrays.stream(shape).boxed().toList(),
                file.toString(),
                Instant.EPOCH);
        return new LoadedModel(manifest, session);
    }
}
