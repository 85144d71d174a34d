package dev.atelier.worker.inference;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OrtEnvironment;
import dev.atelier.imaging.PhotoColours;
import dev.atelier.imaging.Pictures;
import dev.atelier.imaging.Resizing;
import dev.atelier.imaging.StrokeSize;
import dev.atelier.worker.SharedAssets;
import dev.atelier.worker.imaging.PaddingMode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The job options that change how a photo is rendered, measured on a real photo and a real model. */
class RenderingTest {
    private static final OrtEnvironment ENVIRONMENT = OrtEnvironment.getEnvironment();
    private static final InferenceLane LANE = new InferenceLane(ENVIRONMENT, 1, Duration.ZERO);
    private static final Stylizer STYLIZER = new Stylizer(
            ENVIRONMENT,
            PaddingMode.REFLECT,
            new TileSettings(1024, 32, 1024),
            new MemoryBudget(Long.MAX_VALUE / 4, 0),
            LANE);
    private static LoadedModel candy;
    private static BufferedImage photo;

    @BeforeAll
    static void load() throws Exception {
        candy = TestModels.load(ENVIRONMENT, SharedAssets.require(SharedAssets.CANDY));
        BufferedImage chicago = ImageIO.read(Files.newInputStream(SharedAssets.require(SharedAssets.CHICAGO)));
        photo = Resizing.resize(chicago, 480, 320);
    }

    @AfterAll
    static void close() throws Exception {
        if (candy != null) {
            candy.close();
        }
        LANE.close();
    }

    @Test
    void theModelRunsAtTheStrokeSizeAndTheHeapHoldsBothImages() {
        Rendering twice = new Rendering(2.0, false, 1.0);
        Rendering half = new Rendering(0.5, false, 1.0);
        assertThat(twice.runSide(1001)).isEqualTo(501);
        assertThat(half.runSide(1001)).isEqualTo(2002);
        assertThat(Rendering.PLAIN.heapPixels(1000, 800)).isEqualTo(800_000);
        assertThat(half.heapPixels(1000, 800)).isEqualTo(800_000 + 2000 * 1600);
        assertThat(twice.heapPixels(1000, 800)).isEqualTo(800_000 + 500 * 400);
    }

    @Test
    void preservingColoursKeepsThePhotosChromaAndTheStylizedLuminance() throws Exception {
        BufferedImage plain = render(Rendering.PLAIN);
        BufferedImage kept = render(new Rendering(1.0, true, 1.0));

        double plainChroma = Pictures.chromaDistance(plain, photo);
        double keptChroma = Pictures.chromaDistance(kept, photo);
        double luminanceChange = lumaDistance(kept, plain);
        System.out.printf(
                "chroma distance to the photo: plain %.2f, colours kept %.2f; luma distance kept-plain %.2f%n",
                plainChroma, keptChroma, luminanceChange);
        assertThat(plainChroma).as("candy recolours the photo").isGreaterThan(10);
        assertThat(keptChroma).as("only clipping moves the chroma").isLessThan(plainChroma / 5);
        assertThat(luminanceChange).as("the luminance is the stylized one").isLessThan(2);
    }

    @Test
    void aLargerStyleScalePaintsLargerStrokes() throws Exception {
        double half = StrokeSize.meanSpatialFrequency(render(new Rendering(0.5, false, 1.0)));
        double one = StrokeSize.meanSpatialFrequency(render(Rendering.PLAIN));
        double two = StrokeSize.meanSpatialFrequency(render(new Rendering(2.0, false, 1.0)));
        // The resampling alone (the photo shrunk and brought back) blurs too; the strokes must change more than that.
        double photoOne = StrokeSize.meanSpatialFrequency(photo);
        double photoTwo = StrokeSize.meanSpatialFrequency(Resizing.resize(Resizing.resize(photo, 240, 160), 480, 320));
        System.out.printf(
                "mean spatial frequency: styleScale 0.5 %.4f, 1 %.4f, 2 %.4f; the photo %.4f, resampled at 2 %.4f%n",
                half, one, two, photoOne, photoTwo);
        assertThat(half).isGreaterThan(one);
        assertThat(one).isGreaterThan(two);
        assertThat(one / two).as("more than the resampling's blur").isGreaterThan(photoOne / photoTwo);
    }

    private static BufferedImage render(Rendering rendering) throws Exception {
        return STYLIZER.stylize(candy, photo, rendering).image();
    }

    private static double lumaDistance(BufferedImage a, BufferedImage b) {
        double sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                sum += Math.abs(PhotoColours.luma(a.getRGB(x, y)) - PhotoColours.luma(b.getRGB(x, y)));
            }
        }
        return sum / ((double) a.getWidth() * a.getHeight());
    }
}
