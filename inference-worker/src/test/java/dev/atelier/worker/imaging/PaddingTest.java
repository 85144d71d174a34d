package dev.atelier.worker.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.imaging.ImageTensor;
import dev.atelier.imaging.TensorImages;
import dev.atelier.imaging.TestImages;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class PaddingTest {

    @Test
    void padsOddSidesUpToAMultipleOf4AndCropsBackToTheExactImage() {
        BufferedImage image = TestImages.gradient(333, 211);

        BufferedImage padded = Padding.pad(image, 4, 16, PaddingMode.REFLECT);
        BufferedImage cropped = Padding.crop(padded, 333, 211);

        assertThat(padded.getWidth()).isEqualTo(336);
        assertThat(padded.getHeight()).isEqualTo(212);
        assertThat(cropped.getRGB(0, 0, 333, 211, null, 0, 333))
                .containsExactly(image.getRGB(0, 0, 333, 211, null, 0, 333));
    }

    @Test
    void reflectsWithoutRepeatingTheEdgeOrRepeatsTheEdge() {
        BufferedImage row = new BufferedImage(5, 1, BufferedImage.TYPE_INT_RGB);
        row.setRGB(0, 0, 5, 1, new int[] {10, 11, 12, 13, 14}, 0, 5);

        assertThat(values(Padding.pad(row, 4, 1, PaddingMode.REFLECT))).containsExactly(10, 11, 12, 13, 14, 13, 12, 11);
        assertThat(values(Padding.pad(row, 4, 1, PaddingMode.EDGE))).containsExactly(10, 11, 12, 13, 14, 14, 14, 14);
    }

    @Test
    void growsTinyImagesToTheMinimumSideWithReflectionThatKeepsBouncing() {
        BufferedImage tiny = TestImages.gradient(2, 1);

        BufferedImage padded = Padding.pad(tiny, 4, 16, PaddingMode.REFLECT);

        assertThat(padded.getWidth()).isEqualTo(16);
        assertThat(padded.getHeight()).isEqualTo(16);
        assertThat(Padding.index(5, 2, PaddingMode.REFLECT)).isEqualTo(1);
        assertThat(Padding.index(6, 2, PaddingMode.REFLECT)).isEqualTo(0);
    }

    @Test
    void leavesConformingImagesAlone() {
        BufferedImage image = TestImages.gradient(32, 20);

        assertThat(Padding.pad(image, 4, 16, PaddingMode.REFLECT)).isSameAs(image);
        assertThat(Padding.crop(image, 32, 20)).isSameAs(image);
    }

    private static int[] values(BufferedImage image) {
        int[] rgb = image.getRGB(0, 0, image.getWidth(), 1, null, 0, image.getWidth());
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] &= 0xFFFFFF;
        }
        return rgb;
    }

    @Test
    void aRegionReachingPastTheEdgesIsWhatPaddingWouldHaveAdded() {
        BufferedImage image = TestImages.gradient(37, 23);
        BufferedImage padded = Padding.pad(image, 4, 16, PaddingMode.REFLECT);
        ImageTensor region = Padding.tensor(image, 20, 8, 20, 16, PaddingMode.REFLECT);
        ImageTensor expected = TensorImages.toTensor(padded.getSubimage(20, 8, 20, 16));
        assertThat(padded.getWidth()).isEqualTo(40);
        assertThat(region.data()).containsExactly(expected.data());
    }
}
