package dev.atelier.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrientationTest {
    // Stored 3 wide, 2 high:   a b c
    //                          d e f
    private static final int A = 1, B = 2, C = 3, D = 4, E = 5, F = 6;

    @ParameterizedTest(name = "orientation {0}")
    @CsvSource({
        "1, 3, 'a b c d e f'",
        "2, 3, 'c b a f e d'",
        "3, 3, 'f e d c b a'",
        "4, 3, 'd e f a b c'",
        "5, 2, 'a d b e c f'",
        "6, 2, 'd a e b f c'",
        "7, 2, 'f c e b d a'",
        "8, 2, 'c f b e a d'",
    })
    void showsTheStoredImageUpright(int orientation, int expectedWidth, String expectedRows) {
        BufferedImage upright = Orientation.apply(stored(), orientation);

        assertThat(upright.getWidth()).isEqualTo(expectedWidth);
        assertThat(upright.getHeight()).isEqualTo(6 / expectedWidth);
        assertThat(letters(upright)).isEqualTo(expectedRows);
    }

    @Test
    void ignoresOrientationsOutsideTheStandard() {
        assertThat(letters(Orientation.apply(stored(), 0))).isEqualTo("a b c d e f");
        assertThat(letters(Orientation.apply(stored(), 9))).isEqualTo("a b c d e f");
    }

    @Test
    void aQuarterTurnClockwiseTakesTheTopLeftToTheTopRight() {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0xff0000);

        BufferedImage turned = Orientation.apply(image, 6);

        assertThat(turned.getWidth()).isEqualTo(2);
        assertThat(turned.getHeight()).isEqualTo(3);
        assertThat(turned.getRGB(1, 0) & 0xffffff).isEqualTo(0xff0000);
        assertThat(Orientation.apply(image, 3).getRGB(2, 1) & 0xffffff).isEqualTo(0xff0000);
    }

    @Test
    void readsTheTagFromAJpegAndTheDecoderTurnsThePicture() {
        BufferedImage wide = TestImages.gradient(40, 24);

        for (int orientation = 1; orientation <= 8; orientation++) {
            byte[] jpeg = TestImages.jpegWithOrientation(wide, orientation);
            assertThat(ExifOrientation.read(jpeg)).isEqualTo(orientation);
            BufferedImage decoded = new ImageDecoder(10_000).decode(jpeg);
            assertThat(decoded.getWidth()).isEqualTo(orientation >= 5 ? 24 : 40);
        }
        assertThat(ExifOrientation.read(TestImages.encode(wide, "png"))).isEqualTo(Orientation.NORMAL);
    }

    private static BufferedImage stored() {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 3, 2, new int[] {A, B, C, D, E, F}, 0, 3);
        return image;
    }

    private static String letters(BufferedImage image) {
        StringBuilder text = new StringBuilder();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                text.append(text.length() == 0 ? "" : " ").append((char) ('a' + (image.getRGB(x, y) & 0xff) - 1));
            }
        }
        return text.toString();
    }
}
