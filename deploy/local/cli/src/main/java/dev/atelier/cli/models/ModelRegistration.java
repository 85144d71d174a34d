package dev.atelier.cli.models;

import dev.atelier.contracts.models.ModelManifest;
import dev.atelier.platform.models.ModelPublisher;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Registers every model of a folder (see {@link ModelFolder}) as the current version of its style. */
public final class ModelRegistration {
    private final ModelPublisher publisher;
    private final PrintStream out;

    public ModelRegistration(ModelPublisher publisher, PrintStream out) {
        this.publisher = publisher;
        this.out = out;
    }

    public List<ModelManifest> registerFolder(Path folder) throws IOException {
        List<ModelManifest> published = new ArrayList<>();
        for (ModelFolder.Entry entry : ModelFolder.scan(folder)) {
            published.add(register(entry.file(), entry.styleId(), entry.title()));
        }
        return published;
    }

    public ModelManifest register(Path file, String styleId, String title) throws IOException {
        ModelManifest manifest = publisher.publish(styleId, title, OnnxModelReader.read(file));
        out.printf("  %-20s v%d  %s (%s)%n", manifest.styleId(), manifest.version(), manifest.title(), file.getFileName());
        return manifest;
    }
}
