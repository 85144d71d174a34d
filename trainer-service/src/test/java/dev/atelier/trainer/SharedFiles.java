package dev.atelier.trainer;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared models and photos, read at test time from {@code atelier.shared.dir}; tests skip when absent. */
public final class SharedFiles {
    private SharedFiles() {}

    public static Path require(String relative) {
        String dir = System.getProperty("atelier.shared.dir");
        assumeTrue(dir != null, "atelier.shared.dir is not set: run through Maven, whose surefire config passes it");
        Path path = Path.of(dir).resolve(relative);
        assumeTrue(Files.exists(path), "shared file absent, test skipped: " + relative + " (under " + dir + ")");
        return path;
    }
}
