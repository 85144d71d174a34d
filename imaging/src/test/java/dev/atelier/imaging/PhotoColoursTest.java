package dev.atelier.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class PhotoColoursTest {

    @Test
    void takesTheLumaOfTheStylizedImageAndTheChromaOfThePhoto() {
        BufferedImage photo = solid(0x3060a0); // a mid blue
        BufferedImage styled = solid(0xd0c020); // a bright yellow
        double styledLuma = PhotoColours.luma(0xd0c020);

        int kept = PhotoColours.keep(styled, photo).getRGB(1, 1) & 0xffffff;

        assertThat(PhotoColours.luma(kept)).isCloseTo(styledLuma, Offset.offset(1.0));
        // The same chroma: every channel moved by the same amount, the luma difference.
        int shift = (kept & 0xff) - 0xa0;
        assertThat((kept >> 16) - 0x30).isEqualTo(shift);
        assertThat((kept >> 8 & 0xff) - 0x60).isEqualTo(shift);
    }

    @Test
    void clipsWhatTheShiftPushesOutOfRange() {
        int kept = PhotoColours.keep(solid(0xffffff), solid(0x2080f0)).getRGB(0, 0) & 0xffffff;

        assertThat(kept & 0xff).as("blue was already high").isEqualTo(0xff);
        assertThat(kept >> 16).isBetween(0, 0xff);
    }

    @Test
    void refusesImagesOfDifferentSizes() {
        assertThatThrownBy(() -> PhotoColours.keep(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), solid(0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static BufferedImage solid(int rgb) {
        BufferedImage image = new BufferedImage(3, 3, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 3; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }
}
