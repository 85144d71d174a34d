package dev.atelier.worker.inference;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OrtEnvironment;
import dev.atelier.contracts.models.ModelManifest;
import dev.atelier.imaging.Pictures;
import dev.atelier.worker.config.Precision;
import dev.atelier.worker.config.ProviderMode;
import dev.atelier.worker.imaging.PaddingMode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Sessions made from a model's bytes (the S3 fetch and the checksum are the integration test's). */
class ModelLoaderTest {
    private static final Path HOME = Path.of(System.getProperty("atelier.home", ".."));

    private static final OrtEnvironment ENVIRONMENT =
            new OnnxRuntime(ProviderMode.CPU, Precision.FLOAT, 1).environment();
    private static final InferenceLane LANE = new InferenceLane(ENVIRONMENT, 1, Duration.ZERO);

    private final Stylizer stylizer = new Stylizer(
            ENVIRONMENT,
            PaddingMode.REFLECT,
            new TileSettings(1024, 32, 1024),
            new MemoryBudget(Long.MAX_VALUE / 4, 0),
            LANE);

    @AfterAll
    static void closeLane() {
        LANE.close();
    }

    /**
     * The worker's half-precision session (on CUDA by default; asked for here on the CPU, where ONNX Runtime runs its
     * operators in float between casts) gives the float session's picture: what rounding the weights costs.
     */
    @Test
    void aModelLoadedInHalfPrecisionGivesTheFloatModelsPicture() throws Exception {
        byte[] onnx = Files.readAllBytes(HOME.resolve("models/starter/udnie/udnie.onnx"));
        ModelManifest manifest = Manifests.dynamic("udnie", 1);
        BufferedImage source =
                ImageIO.read(HOME.resolve("samples/astronaut.jpg").toFile());
        BufferedImage photo = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
        photo.createGraphics().drawImage(source, 0, 0, 160, 120, null);

        BufferedImage asFloat;
        BufferedImage asHalf;
        try (LoadedModel model = loader(Precision.FLOAT).open(manifest, onnx)) {
            asFloat = stylizer.stylize(model, photo, Rendering.PLAIN).image();
        }
        try (LoadedModel model = loader(Precision.HALF).open(manifest, onnx)) {
            asHalf = stylizer.stylize(model, photo, Rendering.PLAIN).image();
        }

        double psnr = Pictures.psnr(asFloat, asHalf);
        System.out.printf("udnie in half precision against float, 160x120, 8-bit results: PSNR %.1f dB%n", psnr);
        assertThat(psnr)
                .as("the half session is another session: some pixel rounds the other way")
                .isFinite();
        assertThat(psnr)
                .as("PSNR of the half session's picture against the float one's, dB")
                .isGreaterThan(50);
    }

    @Test
    void precisionIsHalfOnCudaUnlessSetOtherwise() {
        assertThat(Precision.AUTO.half(true)).isTrue();
        assertThat(Precision.AUTO.half(false)).isFalse();
        assertThat(Precision.FLOAT.half(true)).isFalse();
        assertThat(Precision.HALF.half(false)).isTrue();
        assertThat(new OnnxRuntime(ProviderMode.CPU, Precision.AUTO, 1).halfPrecision())
                .isFalse();
    }

    private static ModelLoader loader(Precision precision) {
        return new ModelLoader(null, new OnnxRuntime(ProviderMode.CPU, precision, 1));
    }
}
