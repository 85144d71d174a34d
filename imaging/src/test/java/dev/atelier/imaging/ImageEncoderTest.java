package dev.atelier.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.contracts.jobs.OutputFormat;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ImageEncoderTest {
    private final ImageEncoder encoder = new ImageEncoder(0.92f);
    private final ImageDecoder decoder = new ImageDecoder(1_000_000);

    @Test
    void writesLosslessPng() {
        BufferedImage image = TestImages.gradient(21, 13);

        byte[] png = encoder.encode(image, OutputFormat.PNG);

        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(decoder.decode(png).getRGB(0, 0, 21, 13, null, 0, 21))
                .containsExactly(image.getRGB(0, 0, 21, 13, null, 0, 21));
    }

    @Test
    void writesJpegOfTheSameSize() {
        byte[] jpeg = encoder.encode(TestImages.gradient(21, 13), OutputFormat.JPEG);

        assertThat(jpeg).startsWith(0xFF, 0xD8);
        BufferedImage decoded = decoder.decode(jpeg);
        assertThat(decoded.getWidth()).isEqualTo(21);
        assertThat(decoded.getHeight()).isEqualTo(13);
    }

    @Test
    void refusesANonsenseQuality() {
        assertThatThrownBy(() -> new ImageEncoder(0f)).isInstanceOf(IllegalArgumentException.class);
    }
}
