package dev.atelier.trainer.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import dev.atelier.imaging.ImageDecoder;
import dev.atelier.imaging.Resizing;
import dev.atelier.imaging.TensorImages;
import dev.atelier.imaging.TestImages;
import dev.atelier.trainer.engine.ContentPhotos;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One photo reaches a network as the same tensor, element for element, whether the worker serves it or the trainer
 * judges, previews and checks parity on it: one decoder (upright RGB), one resize, one layout (planar RGB, 0..255).
 * The trainer's side runs through its own entry points (content photos from files, DJL arrays); the worker's side is
 * what its job run does with the same shared classes: decode with the pixel cap, resize for a model of fixed size
 * (padding for the others, which leaves sides that divide by 4 as they are), convert.
 */
class ServingMatchesTrainingTest {
    private static final Path PHOTO =
            Path.of(System.getProperty("atelier.home", "..")).resolve("samples/astronaut.jpg");
    /** The worker's default cap ({@code atelier.worker.max-input-pixels}); the photos here are far below it. */
    private static final long WORKER_MAX_PIXELS = 40_000_000L;

    @Test
    void aPhotoAtItsOwnSize(@TempDir Path dir) throws IOException {
        byte[] photo = Files.readAllBytes(PHOTO);

        float[] served = served(photo, 0);
        float[] judged = judged(photo, 512, dir);

        assertThat(served).hasSize(3 * 512 * 512);
        assertSameTensor(judged, served);
    }

    @Test
    void aPhotoTurnedByItsExifOrientation(@TempDir Path dir) throws IOException {
        BufferedImage wide = ImageDecoder.anySize().read(PHOTO).getSubimage(0, 64, 512, 384);
        byte[] turned = TestImages.jpegWithOrientation(wide, 6);

        float[] served = served(turned, 0);
        float[] judged = judged(turned, 512, dir);

        assertThat(ImageDecoder.anySize().decode(turned).getWidth())
                .as("upright: a quarter turn")
                .isEqualTo(384);
        assertSameTensor(judged, served);
    }

    @Test
    void aPhotoShrunkForAModelOfFixedSize(@TempDir Path dir) throws IOException {
        byte[] photo = Files.readAllBytes(PHOTO);

        float[] served = served(photo, 256);
        float[] judged = judged(photo, 256, dir);

        assertThat(served).hasSize(3 * 256 * 256);
        assertSameTensor(judged, served);
    }

    /** Element for element (AssertJ's containsExactly would spend minutes diffing a million floats that differ). */
    private static void assertSameTensor(float[] judged, float[] served) {
        assertThat(judged).hasSameSizeAs(served);
        int first = Arrays.mismatch(judged, served);
        assertThat(first)
                .as(
                        "first element that differs: %s on the training side, %s served",
                        first < 0 ? "" : judged[first], first < 0 ? "" : served[first])
                .isEqualTo(-1);
    }

    /** The worker's model input for an encoded photo; {@code fixedSide} 0 for a model that takes any size. */
    private static float[] served(byte[] encoded, int fixedSide) {
        BufferedImage content = new ImageDecoder(WORKER_MAX_PIXELS).decode(encoded);
        assertThat(content.getWidth() % 4)
                .as("no padding, so the worker's input is the photo itself")
                .isZero();
        assertThat(content.getHeight() % 4).isZero();
        BufferedImage input = fixedSide > 0 ? Resizing.resize(content, fixedSide, fixedSide) : content;
        return TensorImages.toTensor(input).data();
    }

    /** The trainer's held-out photo (quality gate, previews, parity gate) as the DJL array its networks get. */
    private static float[] judged(byte[] encoded, int maxSide, Path dir) throws IOException {
        Path file = Files.write(dir.resolve("photo.jpg"), encoded);
        ContentPhotos photos = ContentPhotos.ofFiles(List.of(file), List.of(file), 256, maxSide);
        try (NDManager manager = NDManager.newBaseManager()) {
            return ImageArrays.toArray(manager, photos.heldOut().get(0)).toFloatArray();
        }
    }
}
