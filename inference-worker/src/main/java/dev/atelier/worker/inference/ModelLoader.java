package dev.atelier.worker.inference;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import ai.onnxruntime.TensorInfo;
import dev.atelier.contracts.models.ModelManifest;
import dev.atelier.onnx.ActivationWidth;
import dev.atelier.onnx.Float16Variant;
import dev.atelier.onnx.OnnxModels;
import dev.atelier.onnx.proto.Onnx.ModelProto;
import dev.atelier.platform.storage.ObjectStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Loads a model version from S3 into a session: checks the file's sha256 against the manifest,
 * then the graph's signature ({@link ModelSignature}), failing fast with what was expected.
 */
public final class ModelLoader {
    private static final Logger LOG = Logger.getLogger(ModelLoader.class);

    private final ObjectStore store;
    private final OnnxRuntime runtime;

    public ModelLoader(ObjectStore store, OnnxRuntime runtime) {
        this.store = store;
        this.runtime = runtime;
    }

    /**
     * @throws ModelUnavailableException when the model file is missing
     * @throws InvalidModelException when it is not the file the manifest describes or not a usable model
     * @throws dev.atelier.platform.storage.StorageException when S3 cannot be read (worth retrying)
     */
    public LoadedModel load(ModelManifest manifest) {
        String id = id(manifest);
        byte[] onnx = store.get(manifest.modelKey())
                .orElseThrow(() -> new ModelUnavailableException(
                        "model file " + manifest.modelKey() + " of " + id + " is missing", false));
        String sha256 = sha256(onnx);
        if (!sha256.equalsIgnoreCase(manifest.sha256())) {
            throw new InvalidModelException(
                    "sha256 of " + manifest.modelKey() + ": expected " + manifest.sha256() + ", got " + sha256);
        }
        return open(manifest, onnx);
    }

    /** Sessions for the model's bytes, already verified against its manifest. */
    LoadedModel open(ModelManifest manifest, byte[] onnx) {
        String id = id(manifest);
        ModelProto graph = parse(id, onnx);
        OrtSession half = runtime.halfPrecision() ? halfPrecisionSession(id, graph) : null;
        OrtSession session = half != null ? half : createSession(id, onnx);
        try {
            ModelSignature.check(manifest, shapes(session.getInputInfo()), shapes(session.getOutputInfo()));
        } catch (OrtException | RuntimeException e) {
            closeQuietly(session);
            throw e instanceof InvalidModelException invalid
                    ? invalid
                    : new InvalidModelException(id + ": cannot read its inputs and outputs: " + e.getMessage(), e);
        }
        // Tiles stay float: the split normalises with explicit arithmetic on the whole photo's variances, and the first
        // layer's reach millions (2.8e6 for udnie on the sample photo), far beyond half precision's 65504.
        TileSessions tiles = null;
        if (!manifest.hasFixedSize()) {
            try {
                tiles = TileSessions.create(runtime.environment(), graph, runtime::newSessionOptions);
            } catch (OrtException | RuntimeException e) {
                // The model itself loaded: its tiles then normalise on their own, and may differ at the seams.
                LOG.errorf(
                        "model %s: its instance norm cannot be split (%s); tiles of large images take their own"
                                + " statistics",
                        id, e.getMessage());
            }
        }
        int channels = ActivationWidth.of(graph).orElse(LoadedModel.DEFAULT_ACTIVATION_CHANNELS);
        LOG.infof(
                "loaded model %s (%d bytes, %d full-resolution channels) on %s in %s precision%s",
                id,
                onnx.length,
                channels,
                runtime.provider().label(),
                half != null ? "half" : "float",
                tiles == null ? "" : ", tiles normalised with whole-image statistics");
        return new LoadedModel(manifest, session, tiles, channels);
    }

    private static String id(ModelManifest manifest) {
        return manifest.styleId() + "@" + manifest.version();
    }

    private static ModelProto parse(String id, byte[] onnx) {
        try {
            return OnnxModels.parse(onnx);
        } catch (IllegalArgumentException e) {
            throw new InvalidModelException(id + " is not a loadable ONNX model: " + e.getMessage(), e);
        }
    }

    /**
     * The model's session in half precision, or null when it cannot have one (no float input or output, or an operator
     * the runtime refuses in half): it then runs in float, which is slower on a GPU but gives the same picture.
     */
    private OrtSession halfPrecisionSession(String id, ModelProto graph) {
        try (SessionOptions options = runtime.newSessionOptions()) {
            return runtime.environment().createSession(Float16Variant.of(graph).toByteArray(), options);
        } catch (OrtException | IllegalArgumentException e) {
            LOG.warnf("model %s runs in float, not in half precision: %s", id, e.getMessage());
            return null;
        }
    }

    private OrtSession createSession(String id, byte[] onnx) {
        try (SessionOptions options = runtime.newSessionOptions()) {
            return runtime.environment().createSession(onnx, options);
        } catch (OrtException e) {
            throw new InvalidModelException(id + " is not a loadable ONNX model: " + e.getMessage(), e);
        }
    }

    private static Map<String, long[]> shapes(Map<String, NodeInfo> nodes) {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        nodes.forEach((name, node) ->
                shapes.put(name, node.getInfo() instanceof TensorInfo tensor ? tensor.getShape() : new long[0]));
        return shapes;
    }

    private static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException e) {
            LOG.debugf("closing a rejected session failed: %s", e.getMessage());
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
