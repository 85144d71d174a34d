package dev.atelier.worker.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class BlendingTest {
    private final BufferedImage styled = filled(0xC86400);
    private final BufferedImage content = filled(0x0064C8);

    @Test
    void strengthOneIsTheStyledImageAndZeroTheContent() {
        assertThat(Blending.blend(styled, content, 1.0)).isSameAs(styled);
        assertThat(Blending.blend(styled, content, 0.0)).isSameAs(content);
    }

    @Test
    void mixesEachChannelLinearly() {
        BufferedImage quarter = Blending.blend(styled, content, 0.25);

        assertThat(quarter.getRGB(1, 1) & 0xFFFFFF).isEqualTo(0x326496);
    }

    @Test
    void refusesImagesOfDifferentSizes() {
        assertThatThrownBy(() -> Blending.blend(new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB), content, 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3x2");
    }

    private static BufferedImage filled(int rgb) {
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 2, 2, new int[] {rgb, rgb, rgb, rgb}, 0, 2);
        return image;
    }
}
