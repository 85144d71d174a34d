package dev.atelier.trainer.imaging;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.atelier.imaging.ImageTensor;
import dev.atelier.imaging.TensorImages;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * DJL arrays of images: the shared {@link TensorImages} tensors (planar RGB, values 0..255) stacked one image after
 * another into {@code [N, 3, H, W]}, and back.
 */
public final class ImageArrays {
    private ImageArrays() {}

    /** The first image of an NCHW array, rounded and clamped to 0..255. */
    public static BufferedImage fromArray(NDArray images) {
        Shape s = images.getShape();
        return TensorImages.toImage(new ImageTensor(images.get(0).toFloatArray(), (int) s.get(3), (int) s.get(2)));
    }

    /** Stacks images of one size into a {@code [N, 3, H, W]} array. */
    public static NDArray toArray(NDManager manager, List<BufferedImage> images) {
        int width = images.get(0).getWidth();
        int height = images.get(0).getHeight();
        int size = 3 * width * height;
        float[] data = new float[images.size() * size];
        for (int i = 0; i < images.size(); i++) {
            BufferedImage image = images.get(i);
            if (image.getWidth() != width || image.getHeight() != height) {
                throw new IllegalArgumentException("images of one batch must share a size: " + width + "x" + height
                        + " vs " + image.getWidth() + "x" + image.getHeight());
            }
            System.arraycopy(TensorImages.toTensor(image).data(), 0, data, i * size, size);
        }
        return manager.create(data, new Shape(images.size(), 3, height, width));
    }

    public static NDArray toArray(NDManager manager, BufferedImage image) {
        return toArray(manager, List.of(image));
    }
}
