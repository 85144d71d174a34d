package dev.atelier.platform.models;

import dev.atelier.contracts.Topics;
import dev.atelier.contracts.jobs.Optimisation;
import dev.atelier.contracts.models.ModelManifest;
import dev.atelier.contracts.storage.StorageKeys;
import dev.atelier.platform.events.EventPublisher;
import dev.atelier.platform.events.TraceContext;
import dev.atelier.platform.storage.ObjectStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Publishes a model as a new version of a style: {@code model.onnx} and the preview first, then
 * {@code manifest.json}, then the manifest on {@code atelier.models}, whose latest value per style
 * every gateway and worker treats as current. Publishing the same bytes and title as a stored version again
 * re-announces that version (it becomes current again) instead of creating a new one, so registration can be
 * repeated safely: the same file is always the same version.
 */
public final class ModelPublisher {
    private static final Logger LOG = Logger.getLogger(ModelPublisher.class);
    private static final Pattern VERSION_KEY = Pattern.compile("models/[^/]+/(\\d+)/manifest\\.json");

    private final ObjectStore store;
    private final EventPublisher events;
    private final Clock clock;

    public ModelPublisher(ObjectStore store, EventPublisher events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** Publishes a style every tenant sees. */
    public ModelManifest publish(String styleId, String title, ModelFile model) {
        return publish(styleId, title, model, null);
    }

    /** @param owner the tenant the style belongs to, or null for everyone's */
    public ModelManifest publish(String styleId, String title, ModelFile model, String owner) {
        if (!styleId.matches(ModelManifest.STYLE_ID_PATTERN)) {
            throw new IllegalArgumentException(
                    "style id '" + styleId + "' must match " + ModelManifest.STYLE_ID_PATTERN);
        }
        if (styleId.equals(Optimisation.STYLE_ID)) {
            throw new IllegalArgumentException("style id '" + styleId + "' is reserved: optimisation jobs carry it");
        }
        String sha256 = sha256(model.onnx());
        Optional<ModelManifest> latest = latestVersion(styleId);
        if (latest.isPresent() && !Objects.equals(latest.get().owner(), owner)) {
            // Checked here too, not only by the gateway: two tenants' trainings of one new id may both be accepted.
            throw new StyleTakenException("style '" + styleId + "' belongs to "
                    + (latest.get().owner() == null ? "every tenant" : "another tenant") + "; it takes no version from "
                    + (owner == null ? "an operator" : "tenant " + owner));
        }
        Optional<ModelManifest> same = latest.isEmpty() ? Optional.empty() : storedVersion(styleId, sha256, title);
        ModelManifest manifest;
        if (same.isPresent()) {
            manifest = same.get();
            LOG.infof("%s@%d already holds this model; announcing it again", styleId, manifest.version());
        } else {
            int version = latest.map(m -> m.version() + 1).orElse(1);
            manifest = store(styleId, title, version, sha256, model, owner);
            LOG.infof("published %s@%d (%s, %d bytes)", styleId, version, model.source(), model.onnx().length);
        }
        announce(manifest);
        return manifest;
    }

    /** Makes a stored version current again (rollback) by re-announcing its manifest. */
    public ModelManifest announce(String styleId, int version) {
        ModelManifest manifest = store.getJson(StorageKeys.manifest(styleId, version), ModelManifest.class)
                .orElseThrow(() -> new IllegalArgumentException("no stored version " + styleId + "@" + version));
        announce(manifest);
        return manifest;
    }

    private void announce(ModelManifest manifest) {
        events.publish(Topics.MODELS, manifest, TraceContext.current()); // a training's trace, when one publishes
    }

    private ModelManifest store(
            String styleId, String title, int version, String sha256, ModelFile model, String owner) {
        String modelKey = StorageKeys.model(styleId, version);
        store.put(modelKey, model.onnx(), "application/octet-stream");
        String previewKey = null;
        if (model.preview() != null) {
            previewKey = StorageKeys.preview(styleId, version);
            store.put(previewKey, model.preview(), "image/jpeg");
        }
        ModelManifest manifest = new ModelManifest(
                styleId,
                title,
                version,
                sha256,
                model.onnx().length,
                modelKey,
                previewKey,
                model.inputName(),
                model.outputName(),
                model.inputShape(),
                model.source(),
                clock.instant(),
                model.quality(),
                owner);
        store.putJson(StorageKeys.manifest(styleId, version), manifest);
        return manifest;
    }

    /** The highest stored version of a style, read from the store (the source of truth for versions). */
    public Optional<ModelManifest> latestVersion(String styleId) {
        return versions(styleId)
                .max(Comparator.naturalOrder())
                .flatMap(version -> store.getJson(StorageKeys.manifest(styleId, version), ModelManifest.class));
    }

    /** The newest stored version with these bytes and this title, if any. */
    private Optional<ModelManifest> storedVersion(String styleId, String sha256, String title) {
        return versions(styleId)
                .sorted(Comparator.reverseOrder())
                .map(version -> store.getJson(StorageKeys.manifest(styleId, version), ModelManifest.class))
                .flatMap(Optional::stream)
                .filter(m -> m.sha256().equals(sha256) && m.title().equals(title))
                .findFirst();
    }

    private Stream<Integer> versions(String styleId) {
        return store.list(StorageKeys.modelsPrefix(styleId)).stream()
                .map(VERSION_KEY::matcher)
                .filter(Matcher::matches)
                .map(m -> Integer.parseInt(m.group(1)));
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
