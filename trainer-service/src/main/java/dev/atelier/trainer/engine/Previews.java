package dev.atelier.trainer.engine;

import dev.atelier.imaging.ImageTensor;
import dev.atelier.imaging.TensorImages;
import dev.atelier.trainer.network.TransformerNet;
import dev.atelier.trainer.onnx.ParityGate;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** A network's rendering of a photo, as the JPEG a preview is. */
final class Previews {
    private Previews() {}

    /** @param photo sides multiples of 4 (see {@link dev.atelier.imaging.Resizing#fitMultipleOf4}) */
    static byte[] render(TransformerNet net, BufferedImage photo) {
        long[] shape = {1, 3, photo.getHeight(), photo.getWidth()};
        float[] out = ParityGate.runDjl(net, TensorImages.toTensor(photo).data(), shape);
        return jpeg(TensorImages.toImage(new ImageTensor(out, photo.getWidth(), photo.getHeight())));
    }

    static byte[] jpeg(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, "jpeg", out)) {
                throw new IllegalStateException("no JPEG writer in this JVM");
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
