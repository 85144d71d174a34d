package dev.atelier.cli.models;

import dev.atelier.contracts.models.ModelManifest;
import dev.atelier.local.Stack;
import dev.atelier.platform.events.CloudEventCodec;
import dev.atelier.platform.events.EventPublisher;
import dev.atelier.platform.events.KafkaSettings;
import dev.atelier.platform.models.ModelPublisher;
import dev.atelier.platform.storage.ObjectStore;
import dev.atelier.platform.storage.S3Settings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Registers ONNX files (one, or every model of a folder, see {@link ModelFolder}) as the current version of
 * their style, through {@link ModelPublisher}. Owns its S3 and Kafka connections: close it when done.
 */
public final class ModelRegistration implements AutoCloseable {
    private static final String SOURCE = "/atelier/cli";

    private final ObjectStore store;
    private final EventPublisher events;
    private final ModelPublisher publisher;
    private final PrintStream out;

    private ModelRegistration(ObjectStore store, EventPublisher events, PrintStream out) {
        this.store = store;
        this.events = events;
        this.publisher = new ModelPublisher(store, events, Clock.systemUTC());
        this.out = out;
    }

    public static ModelRegistration connect(S3Settings s3, KafkaSettings kafka, PrintStream out) {
        ObjectStore store = ObjectStore.connect(s3);
        try {
            return new ModelRegistration(store, new EventPublisher(kafka, new CloudEventCodec(SOURCE)), out);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Registration against a running stack's S3 server and broker. */
    public static ModelRegistration connect(Stack stack, PrintStream out) {
        return connect(
                new S3Settings(
                        stack.s3Endpoint(), stack.accessKey(), stack.secretKey(), stack.region(), stack.bucket()),
                new KafkaSettings(stack.bootstrapServers()),
                out);
    }

    public List<ModelManifest> registerFolder(Path folder) throws IOException {
        return registerFolder(folder, Set.of());
    }

    /** As {@link #registerFolder(Path)}, keeping off the given ids (see {@link ModelFolder#avoiding}). */
    public List<ModelManifest> registerFolder(Path folder, Set<String> takenIds) throws IOException {
        List<ModelManifest> published = new ArrayList<>();
        for (ModelFolder.Entry found : ModelFolder.scan(folder)) {
            ModelFolder.Entry entry = ModelFolder.avoiding(found, takenIds);
            if (!entry.styleId().equals(found.styleId())) {
                out.printf(
                        "  %s: '%s' is a starter model's id, so this file serves '%s'%n",
                        found.file().getFileName(), found.styleId(), entry.styleId());
            }
            published.add(register(entry.file(), entry.styleId(), entry.title()));
        }
        return published;
    }

    public ModelManifest register(Path file, String styleId, String title) throws IOException {
        ModelManifest manifest = publisher.publish(styleId, title, OnnxModelReader.read(file));
        out.printf(
                "  %-20s v%d  %s (%s)%n", manifest.styleId(), manifest.version(), manifest.title(), file.getFileName());
        return manifest;
    }

    @Override
    public void close() {
        try {
            events.close();
        } finally {
            store.close();
        }
    }
}
