package dev.atelier.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageDecoderTest {
    private final ImageDecoder decoder = new ImageDecoder(1_000_000);

    @Test
    void decodesJpegAndPngToRgb() {
        BufferedImage image = TestImages.gradient(33, 21);

        BufferedImage png = decoder.decode(TestImages.encode(image, "png"));
        BufferedImage jpeg = decoder.decode(TestImages.encode(image, "jpeg"));

        assertThat(png.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(png.getRGB(0, 0, 33, 21, null, 0, 33)).containsExactly(image.getRGB(0, 0, 33, 21, null, 0, 33));
        assertThat(jpeg.getWidth()).isEqualTo(33);
        assertThat(jpeg.getHeight()).isEqualTo(21);
    }

    @Test
    void flattensTransparencyOntoWhite() {
        BufferedImage transparent = new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB);

        BufferedImage decoded = decoder.decode(TestImages.encode(transparent, "png"));

        assertThat(decoded.getRGB(1, 1) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    }

    @Test
    void refusesTruncatedJpeg() {
        byte[] jpeg = TestImages.encode(TestImages.gradient(200, 150), "jpeg");

        assertThatThrownBy(() -> decoder.decode(Arrays.copyOf(jpeg, jpeg.length / 2)))
                .isInstanceOf(UndecodableImageException.class)
                .hasMessageContaining("truncated");
        assertThatThrownBy(() -> decoder.decode(Arrays.copyOf(jpeg, 40))).isInstanceOf(UndecodableImageException.class);
    }

    @Test
    void refusesWhatIsNoImage() {
        assertThatThrownBy(() -> decoder.decode("hello, world".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UndecodableImageException.class)
                .hasMessageContaining("not an image");
        assertThatThrownBy(() -> decoder.decode(new byte[0])).isInstanceOf(UndecodableImageException.class);
    }

    @Test
    void refusesTooManyPixelsBeforeDecoding() {
        byte[] png = TestImages.encode(TestImages.gradient(100, 100), "png");

        assertThatThrownBy(() -> new ImageDecoder(9_999).decode(png))
                .isInstanceOf(ImageTooLargeException.class)
                .hasMessageContaining("10000 pixels");
    }

    @Test
    void readsAFileAndSaysWhichOneDoesNotDecode(@TempDir Path folder) throws IOException {
        Path photo = Files.write(
                folder.resolve("photo.jpg"), TestImages.jpegWithOrientation(TestImages.gradient(40, 24), 6));
        Path text = Files.writeString(folder.resolve("notes.jpg"), "hello, world");

        BufferedImage upright = decoder.read(photo);

        assertThat(upright.getWidth()).isEqualTo(24);
        assertThat(upright.getHeight()).isEqualTo(40);
        assertThatThrownBy(() -> decoder.read(text))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("notes.jpg")
                .hasCauseInstanceOf(UndecodableImageException.class);
    }
}
