package dev.atelier.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class TensorImagesTest {

    @Test
    void roundTripsEveryPixelExactly() {
        BufferedImage image = TestImages.gradient(7, 5);

        BufferedImage back = TensorImages.toImage(TensorImages.toTensor(image));

        assertThat(back.getWidth()).isEqualTo(7);
        assertThat(back.getHeight()).isEqualTo(5);
        assertThat(back.getRGB(0, 0, 7, 5, null, 0, 7)).containsExactly(image.getRGB(0, 0, 7, 5, null, 0, 7));
    }

    @Test
    void laysOutPlanesAsNchwWithValuesFrom0To255() {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0xFF8001);
        image.setRGB(1, 0, 0x10FF20);

        ImageTensor tensor = TensorImages.toTensor(image);

        assertThat(tensor.shape()).containsExactly(1, 3, 1, 2);
        assertThat(tensor.data()).containsExactly(255f, 16f, 128f, 255f, 1f, 32f);
    }

    @Test
    void readsAndWritesSinglePixels() {
        ImageTensor tensor = ImageTensor.blank(3, 2);

        tensor.setRgb(4, 0xFF8001);

        assertThat(tensor.data()).containsExactly(0, 0, 0, 0, 255, 0, 0, 0, 0, 0, 128, 0, 0, 0, 0, 0, 1, 0);
        assertThat(tensor.rgb(4)).isEqualTo(0xFF8001);
        assertThat(tensor.rgb(0)).isZero();
    }

    @Test
    void clampsAndRoundsModelOutput() {
        ImageTensor output = new ImageTensor(new float[] {-22.5f, 277.5f, 127.4f, Float.NaN, 0.6f, 254.5f}, 2, 1);

        BufferedImage image = TensorImages.toImage(output);

        assertThat(image.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x007F01);
        assertThat(image.getRGB(1, 0) & 0xFFFFFF).isEqualTo(0xFF00FF);
    }
}
