package dev.atelier.gateway.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.atelier.contracts.jobs.ImageInfo;
import dev.atelier.gateway.TestImages;
import dev.atelier.gateway.problems.ProblemException;
import dev.atelier.gateway.problems.ProblemType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageInspectorTest {
    private static final ImageLimits LIMITS = new ImageLimits(1_000_000, 40_000_000, 10_000);

    @TempDir
    Path dir;

    private final ImageInspector inspector = new ImageInspector(LIMITS);

    @Test
    void acceptsJpegAndPngAndReportsWhatItSaw() throws IOException {
        byte[] jpeg = TestImages.jpeg(320, 200);
        assertThat(inspector.inspect(file("a.jpg", jpeg)))
                .isEqualTo(new ImageInfo("image/jpeg", 320, 200, jpeg.length));
        byte[] png = TestImages.png(64, 48);
        assertThat(inspector.inspect(file("a.png", png))).isEqualTo(new ImageInfo("image/png", 64, 48, png.length));
    }

    @Test
    void refusesAHugePngFromItsHeaderAloneWithoutAllocatingPixels() throws IOException {
        byte[] header = TestImages.pngHeader(50_000, 50_000);
        assertThat(header).hasSizeLessThan(64);
        Path file = file("huge.png", header);

        // 50000 x 50000 RGB would need 7.5 GB: refusing in time with a small heap proves nothing was decoded
        // (and the file has no image data, so a decode would fail as corrupt, not as too many pixels).
        ProblemException problem = assertTimeoutPreemptively(
                Duration.ofSeconds(5),
                () -> catchThrowableOfType(ProblemException.class, () -> inspector.inspect(file)));

        assertThat(problem.type()).isEqualTo(ProblemType.IMAGE_TOO_MANY_PIXELS);
        assertThat(problem.extensions())
                .containsEntry("width", 50_000)
                .containsEntry("height", 50_000)
                .containsEntry("maxPixels", 40_000_000L);
    }

    @Test
    void refusesATruncatedJpegThatTheDecoderWouldOtherwisePadWithGrey() throws IOException {
        byte[] truncated = TestImages.truncated(TestImages.jpeg(256, 256), 0.6);
        assertThat(typeOf(file("cut.jpg", truncated))).isEqualTo(ProblemType.IMAGE_CORRUPT);
    }

    @Test
    void refusesATruncatedPng() throws IOException {
        byte[] truncated = TestImages.truncated(TestImages.png(256, 256), 0.6);
        assertThat(typeOf(file("cut.png", truncated))).isEqualTo(ProblemType.IMAGE_CORRUPT);
    }

    @Test
    void refusesGarbageBehindAValidSignature() throws IOException {
        byte[] garbage = new byte[2000];
        garbage[0] = (byte) 0xff;
        garbage[1] = (byte) 0xd8;
        garbage[2] = (byte) 0xff;
        assertThat(typeOf(file("garbage.jpg", garbage))).isEqualTo(ProblemType.IMAGE_CORRUPT);
    }

    @Test
    void refusesAFileOverTheByteCapBeforeLookingInside() throws IOException {
        ProblemException problem = catchThrowableOfType(
                ProblemException.class, () -> inspector.inspect(file("big.bin", new byte[1_000_001])));
        assertThat(problem.type()).isEqualTo(ProblemType.IMAGE_TOO_LARGE);
        assertThat(problem.extensions()).containsEntry("maxBytes", 1_000_000L);
    }

    @Test
    void refusesOtherFormatsNamingThem() throws IOException {
        ProblemException gif = catchThrowableOfType(
                ProblemException.class, () -> inspector.inspect(file("a.gif", TestImages.gif(16, 16))));
        assertThat(gif.type()).isEqualTo(ProblemType.UNSUPPORTED_MEDIA_TYPE);
        assertThat(gif.extensions()).containsEntry("detected", "image/gif");
        assertThat(typeOf(file("a.txt", "just some text".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(ProblemType.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void subsamplesLargeImagesDownToTheTarget() {
        assertThat(DecodeVerifier.subsampling(new ImageHeader(100, 100), 10_000))
                .isEqualTo(1);
        assertThat(DecodeVerifier.subsampling(new ImageHeader(101, 100), 10_000))
                .isEqualTo(2);
        assertThat(DecodeVerifier.subsampling(new ImageHeader(8000, 5000), 1_000_000))
                .isEqualTo(7);
    }

    @Test
    void tellsDamageFromBenignDecoderWarnings() {
        assertThat(DecodeVerifier.isDamage("Premature end of JPEG file")).isTrue();
        assertThat(DecodeVerifier.isDamage("Truncated File - Missing EOI marker"))
                .isTrue();
        assertThat(DecodeVerifier.isDamage("Corrupt JPEG data: bad Huffman code"))
                .isTrue();
        assertThat(DecodeVerifier.isDamage("Corrupt JPEG data: 3 extraneous bytes before marker 0xd9"))
                .isFalse();
        assertThat(DecodeVerifier.isDamage("Embedded color profile is invalid; ignored"))
                .isFalse();
    }

    private ProblemType typeOf(Path file) {
        ProblemException problem = catchThrowableOfType(ProblemException.class, () -> inspector.inspect(file));
        assertThat(problem).as("a problem for %s", file.getFileName()).isNotNull();
        return problem.type();
    }

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }
}
