package dev.atelier.worker.inference;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.atelier.onnx.InstanceNormSplit;
import dev.atelier.onnx.proto.Onnx.ModelProto;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The two sessions that stylise a large image in tiles ({@link InstanceNormSplit}): one measures the instance-norm
 * statistics on a thumbnail of the whole image, the other runs each tile with them. Owned by the {@link LoadedModel}
 * they belong to, closed with it.
 */
public record TileSessions(OrtSession statistics, OrtSession tiles, List<InstanceNormSplit.Statistic> names)
        implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TileSessions.class);

    /** Makes the options of each new session (those of the worker's runtime: provider, threads). */
    public interface Options {
        OrtSession.SessionOptions create() throws OrtException;
    }

    /**
     * @return null when the model has no instance normalisation to split (it is then run whole)
     * @throws OrtException when a rewritten model does not load (the original did, so this is a bug of the rewrite)
     */
    public static TileSessions create(OrtEnvironment environment, ModelProto model, Options options)
            throws OrtException {
        InstanceNormSplit.Split split = InstanceNormSplit.of(model).orElse(null);
        if (split == null) {
            return null;
        }
        OrtSession statistics;
        try (OrtSession.SessionOptions o = withoutArena(options.create())) {
            statistics = environment.createSession(split.statisticsModel(), o);
        }
        try (OrtSession.SessionOptions o = options.create()) {
            return new TileSessions(statistics, environment.createSession(split.tileModel(), o), split.statistics());
        } catch (OrtException | RuntimeException e) {
            statistics.close();
            throw e;
        }
    }

    /**
     * The statistics session runs once per large photo: its arena would keep a thumbnail run's memory for good beside the
     * tile session's. (The tile session keeps its arena: tiles are all of about one size, and reusing the memory is
     * faster than asking the system for it again at every tile.)
     */
    private static OrtSession.SessionOptions withoutArena(OrtSession.SessionOptions options) throws OrtException {
        try {
            options.setCPUArenaAllocator(false);
            return options;
        } catch (OrtException | RuntimeException e) {
            options.close();
            throw e;
        }
    }

    @Override
    public void close() {
        for (OrtSession session : List.of(statistics, tiles)) {
            try {
                session.close();
            } catch (OrtException e) {
                LOG.warnf("closing a tile session failed: %s", e.getMessage());
            }
        }
    }
}
