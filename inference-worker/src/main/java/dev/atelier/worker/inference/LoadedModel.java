package dev.atelier.worker.inference;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.atelier.contracts.models.ModelManifest;
import org.jboss.logging.Logger;

/**
 * A live ONNX session with the manifest it was checked against, the sessions that run it in tiles normalised alike
 * (null when it has no instance norm to split), and the channels of its full-resolution activations (what its
 * memory grows with per pixel). Closing releases their native memory.
 */
public record LoadedModel(ModelManifest manifest, OrtSession session, TileSessions tiles, int activationChannels)
        implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LoadedModel.class);
    /** Assumed when a model's graph does not tell: a full-width transform network's. */
    public static final int DEFAULT_ACTIVATION_CHANNELS = 32;

    /** A model whose tiles normalise on their own, of the default width. */
    public LoadedModel(ModelManifest manifest, OrtSession session) {
        this(manifest, session, null, DEFAULT_ACTIVATION_CHANNELS);
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
