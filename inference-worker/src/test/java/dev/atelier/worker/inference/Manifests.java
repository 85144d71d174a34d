package dev.atelier.worker.inference;

import dev.atelier.contracts.models.ModelManifest;
import java.time.Instant;
import java.util.List;

/** Manifests for tests. */
final class Manifests {
    private Manifests() {}

    static ModelManifest of(String style, int version, String input, String output, List<Long> shape) {
        return new ModelManifest(
                style,
                style,
                version,
                "00" + version,
                1,
                "models/" + style + "/" + version + "/model.onnx",
                null,
                input,
                output,
                shape,
                "test",
                Instant.EPOCH);
    }

    static ModelManifest dynamic(String style, int version) {
        return of(style, version, "input1", "output1", List.of(-1L, 3L, -1L, -1L));
    }
}
