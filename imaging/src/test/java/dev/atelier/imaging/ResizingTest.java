package dev.atelier.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResizingTest {

    @Test
    void finestStripesShrunkEightfoldComeOutUniformGrey() {
        // A single bicubic pass samples a few of every 8 source columns: from 1000 to 130 px, the old worker's
        // resize turned these into bands from 1 to 254 (and period-3 stripes into 0..143, 9 levels too bright).
        for (BufferedImage fine : List.of(stripes(1024, 768, 2), checkerboard(1024, 768))) {
            assertThat(range(Resizing.resize(fine, 128, 96))).containsExactly(128, 128);
            assertThat(range(Resizing.resize(fine, 130, 91))).containsExactly(128, 128);
        }
    }

    @Test
    void coarserStripesShrunkEightfoldAreAveragedLikeBlocksOfEightPixels() {
        for (int period : new int[] {3, 5}) {
            BufferedImage small = Resizing.resize(stripes(1024, 768, period), 128, 96);

            // 8 columns hold 2 or 3 white ones of period 3, 1 or 2 of period 5: the averages of 8x8 blocks differ so
            // much.
            int[] range = range(small);
            assertThat(range[1] - range[0]).as("period %d", period).isLessThanOrEqualTo(32);
            assertThat(mean(small)).as("period %d", period).isCloseTo(255.0 / period, offset(1.0));
        }
    }

    @Test
    void aReductionByLessThanTwoKeepsTheBrightnessOfFineDetail() {
        // A bicubic step from 1000 to 520 px made these stripes (mean 85) come out at 91.6.
        BufferedImage small = Resizing.resize(stripes(1000, 700, 3), 520, 364);

        assertThat(mean(small)).isCloseTo(85.0, offset(1.0));
    }

    @Test
    void aReductionByLessThanTwoIsOneBilinearStepAsTheTrainersQualityGateWasCalibratedWith() {
        BufferedImage photo = noise(451, 300, 3);
        BufferedImage bilinear = new BufferedImage(384, 252, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = bilinear.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(photo, 0, 0, 384, 252, null);
        g.dispose();

        assertThat(pixels(Resizing.resize(photo, 384, 252))).isEqualTo(pixels(bilinear));
    }

    @Test
    void keepsTheColoursOfAPhoto() {
        BufferedImage noise = noise(900, 600, 7);

        BufferedImage small = Resizing.resize(noise, 100, 67);

        double[] before = meanRgb(noise);
        double[] after = meanRgb(small);
        for (int c = 0; c < 3; c++) {
            assertThat(after[c]).isCloseTo(before[c], offset(1.5));
        }
    }

    @Test
    void shrinksEachSideOnItsOwn() {
        BufferedImage tall = stripes(40, 2000, 2);

        BufferedImage resized = Resizing.resize(tall, 40, 100);

        assertThat(resized.getWidth()).isEqualTo(40);
        assertThat(resized.getHeight()).isEqualTo(100);
        assertThat(resized.getRGB(0, 50) & 0xff)
                .as("columns, not rows, alternate")
                .isEqualTo(255);
        assertThat(resized.getRGB(1, 50) & 0xff).isZero();
    }

    @Test
    void growsAndLeavesAnImageOfTheAskedSizeAsItIs() {
        BufferedImage image = TestImages.gradient(30, 20);

        assertThat(Resizing.resize(image, 30, 20)).isSameAs(image);
        BufferedImage grown = Resizing.resize(image, 90, 60);
        assertThat(grown.getWidth()).isEqualTo(90);
        assertThat(grown.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(grown.getRGB(0, 0) & 0xff0000).isEqualTo(image.getRGB(0, 0) & 0xff0000);
    }

    @Test
    void shrinkBoundsTheLongerSide() {
        BufferedImage image = TestImages.gradient(400, 300);

        assertThat(Resizing.shrink(image, 400)).isSameAs(image);
        BufferedImage small = Resizing.shrink(image, 100);
        assertThat(small.getWidth()).isEqualTo(100);
        assertThat(small.getHeight()).isEqualTo(75);
    }

    @Test
    void fitMultipleOf4BoundsTheLongerSideWithSidesDivisibleBy4() {
        BufferedImage fitted = Resizing.fitMultipleOf4(TestImages.gradient(1001, 667), 384);

        assertThat(fitted.getWidth()).isEqualTo(384);
        assertThat(fitted.getHeight()).isEqualTo(256);
        assertThat(Resizing.fitMultipleOf4(TestImages.gradient(101, 50), 384).getWidth())
                .as("never grown")
                .isEqualTo(100);
    }

    /** Vertical black and white stripes: one white column in every {@code period}. */
    private static BufferedImage stripes(int width, int height, int period) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, x % period == 0 ? 0xffffff : 0);
            }
        }
        return image;
    }

    private static BufferedImage checkerboard(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x + y) % 2 == 0 ? 0xffffff : 0);
            }
        }
        return image;
    }

    private static BufferedImage noise(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }

    /** The darkest and the brightest blue value of a grey image. */
    private static int[] range(BufferedImage image) {
        int[] rgb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        int min = 255;
        int max = 0;
        for (int p : rgb) {
            min = Math.min(min, p & 0xff);
            max = Math.max(max, p & 0xff);
        }
        return new int[] {min, max};
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static double mean(BufferedImage image) {
        return meanRgb(image)[2];
    }

    private static double[] meanRgb(BufferedImage image) {
        double[] sums = new double[3];
        int[] rgb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        for (int p : rgb) {
            sums[0] += (p >> 16) & 0xff;
            sums[1] += (p >> 8) & 0xff;
            sums[2] += p & 0xff;
        }
        return new double[] {sums[0] / rgb.length, sums[1] / rgb.length, sums[2] / rgb.length};
    }
}
