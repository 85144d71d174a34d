package dev.atelier.worker.inference;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.atelier.contracts.models.ModelManifest;
import org.jboss.logging.Logger;

/**
 * A live ONNX session with the manifest it was checked against, and the sessions that run it in tiles when it can
 * be (null otherwise). Closing releases their native memory.
 */
public record LoadedModel(ModelManifest manifest, OrtSession session, TileSessions tiles) implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LoadedModel.class);

    /** A model that is only ever run whole. */
    public LoadedModel(ModelManifest manifest, OrtSession session) {
        this(manifest, session, null);
    }

    /** {@code style@version}, for logs and errors. */
    public String id() {
        return manifest.styleId() + "@" + manifest.version();
    }

    @Override
    public void close() {
        if (tiles != null) {
            tiles.close();
        }
        try {
            session.close();
            LOG.infof("closed model session %s", id());
        } catch (OrtException e) {
            LOG.warnf("closing model session %s failed: %s", id(), e.getMessage());
        }
    }
}
