package dev.atelier.worker.inference;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession.SessionOptions;
import dev.atelier.worker.config.Precision;
import dev.atelier.worker.config.ProviderMode;
import dev.atelier.worker.config.WorkerConfig;
import io.quarkus.runtime.Startup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * The process's one {@link OrtEnvironment} and the execution provider chosen at start-up (logged),
 * plus the session options every model is loaded with.
 */
@Startup
@Singleton
public class OnnxRuntime {
    private static final Logger LOG = Logger.getLogger(OnnxRuntime.class);

    private final OrtEnvironment environment;
    private final ExecutionProvider provider;
    private final int intraOpThreads;
    private final boolean halfPrecision;

    @Inject
    public OnnxRuntime(WorkerConfig config) {
        this(config.executionProvider(), config.precision(), config.intraOpThreads());
    }

    /** For tests: the settings without the configuration. */
    OnnxRuntime(ProviderMode providerMode, Precision precision, int intraOpThreads) {
        this.environment = OrtEnvironment.getEnvironment();
        this.intraOpThreads = intraOpThreads;
        boolean cudaBuilt = OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA);
        this.provider = ProviderChoice.choose(providerMode, cudaBuilt, OnnxRuntime::cudaUsable);
        this.halfPrecision = precision.half(provider == ExecutionProvider.CUDA);
        LOG.infof(
                "ONNX Runtime %s: execution provider %s (setting %s, available %s, intra-op threads %s), %s precision",
                environment.getVersion(),
                provider.label(),
                providerMode,
                OrtEnvironment.getAvailableProviders(),
                intraOpThreads == 0 ? "auto" : intraOpThreads,
                halfPrecision ? "half" : "float");
    }

    public OrtEnvironment environment() {
        return environment;
    }

    public ExecutionProvider provider() {
        return provider;
    }

    /** Whether models run in half precision (the setting {@code atelier.worker.precision} on this provider). */
    public boolean halfPrecision() {
        return halfPrecision;
    }

    /** New options for one session; the caller closes them once the session is created. */
    public SessionOptions newSessionOptions() throws OrtException {
        SessionOptions options = new SessionOptions();
        try {
            options.setOptimizationLevel(SessionOptions.OptLevel.ALL_OPT);
            if (intraOpThreads > 0) {
                options.setIntraOpNumThreads(intraOpThreads);
            }
            if (provider == ExecutionProvider.CUDA) {
                options.addCUDA(0);
            }
            return options;
        } catch (OrtException | RuntimeException e) {
            options.close();
            throw e;
        }
    }

    /** Enabling CUDA loads its libraries and fails without a device: the honest probe. */
    private static boolean cudaUsable() {
        try (SessionOptions probe = new SessionOptions()) {
            probe.addCUDA(0);
            return true;
        } catch (OrtException | RuntimeException | UnsatisfiedLinkError e) {
            LOG.infof("CUDA provider present but not usable: %s", e.getMessage());
            return false;
        }
    }
}
