package dev.atelier.worker.inference;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OrtEnvironment;
import dev.atelier.imaging.Pictures;
import dev.atelier.imaging.TestImages;
import dev.atelier.worker.SharedAssets;
import dev.atelier.worker.imaging.PaddingMode;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Runs the real shared models through the stylizer, without S3 or Kafka. */
class StylizerTest {
    private static final OrtEnvironment ENVIRONMENT = OrtEnvironment.getEnvironment();
    private static final InferenceLane LANE = new InferenceLane(ENVIRONMENT, 1, Duration.ZERO);
    private final OrtEnvironment environment = ENVIRONMENT;
    private final Stylizer stylizer = new Stylizer(
            environment,
            PaddingMode.REFLECT,
            new TileSettings(1024, 32, 1024),
            new MemoryBudget(Long.MAX_VALUE / 4, 0),
            LANE);

    @AfterAll
    static void closeLane() {
        LANE.close();
    }

    @Test
    void dynamicModelKeepsAnOddSizeExactly() throws Exception {
        try (LoadedModel candy = load(SharedAssets.require(SharedAssets.CANDY))) {
            BufferedImage content = TestImages.gradient(133, 71);

            Stylizer.Stylized result = stylizer.stylize(candy, content, Rendering.PLAIN);

            assertThat(result.image().getWidth()).isEqualTo(133);
            assertThat(result.image().getHeight()).isEqualTo(71);
            assertThat(result.inferenceNanos()).isPositive();
            assertThat(Pictures.meanDifference(result.image(), content))
                    .as("the style changed the picture")
                    .isGreaterThan(10);
        }
    }

    @Test
    void fixedSizeModelIsResizedThereAndBack() throws Exception {
        try (LoadedModel starry = load(SharedAssets.require(SharedAssets.STARRY_NIGHT))) {
            assertThat(starry.manifest().hasFixedSize()).isTrue();

            Stylizer.Stylized result = stylizer.stylize(starry, TestImages.gradient(150, 101), Rendering.PLAIN);

            assertThat(result.image().getWidth()).isEqualTo(150);
            assertThat(result.image().getHeight()).isEqualTo(101);
        }
    }

    @Test
    void strengthZeroGivesBackTheContent() throws Exception {
        try (LoadedModel candy = load(SharedAssets.require(SharedAssets.CANDY))) {
            BufferedImage content = TestImages.gradient(40, 30);

            BufferedImage result =
                    stylizer.stylize(candy, content, Rendering.strength(0.0)).image();

            assertThat(Pictures.meanDifference(result, content)).isZero();
        }
    }

    private LoadedModel load(Path file) throws Exception {
        return TestModels.load(environment, file);
    }
}
