package dev.atelier.worker.inference;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.atelier.contracts.models.ModelManifest;
import org.jboss.logging.Logger;

/** A live ONNX session with the manifest it was checked against. Closing releases native memory. */
public record LoadedModel(ModelManifest manifest, OrtSession session) implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LoadedModel.class);

    /** {@code style@version}, for logs and errors. */
    public String id() {
        return manifest.styleId() + "@" + manifest.version();
    }

    @Override
    public void close() {
        try {
            session.close();
            LOG.infof("closed model session %s", id());
        } catch (OrtException e) {
            LOG.warnf("closing model session %s failed: %s", id(), e.getMessage());
        }
    }
}
