package dev.atelier.worker;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared pretrained models and photos ({@code -Datelier.shared.dir}, set by the parent pom);
 * tests that need them are skipped, saying why, when they are absent.
 */
public final class SharedAssets {
    public static final String CANDY = "models/fast_neural_style/pytorch_nc8/candy_nc8.onnx";
    public static final String MOSAIC = "models/fast_neural_style/pytorch_nc8/mosaic_nc8.onnx";
    public static final String STARRY_NIGHT = "models/vangogh_fast_style/StarryNight.onnx";
    public static final String CHICAGO = "images/content/chicago.jpg";

    private SharedAssets() {}

    /** The file, or the test is skipped. */
    public static Path require(String relative) {
        String dir = System.getProperty("atelier.shared.dir", "../../shared");
        Path path = Path.of(dir).resolve(relative);
        assumeTrue(
                Files.isRegularFile(path), "shared asset " + path + " is absent (set -Datelier.shared.dir); skipping");
        return path;
    }
}
