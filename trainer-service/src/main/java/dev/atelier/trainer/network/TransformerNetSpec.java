package dev.atelier.trainer.network;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one definition of the Johnson et al. transform network, in the layout of pytorch/examples
 * {@code TransformerNet}: three reflection-padded convolutions (9x9, then two 3x3 of stride 2), five
 * residual blocks, two nearest x2 upsamples each followed by a 3x3 convolution, and a final 9x9
 * convolution to RGB; affine instance norm and ReLU after every convolution but the last.
 *
 * <p>Both the DJL training graph ({@link TransformerNet}) and the ONNX export walk {@link #layers()}, so
 * the two cannot drift apart. Parameter names are the upstream state-dict keys ({@code conv1.conv2d.weight},
 * {@code in1.weight}, {@code res1.conv1.conv2d.bias}, ...), which is what lets published weights load by name.
 *
 * @param baseWidth channels of the first convolution (32 upstream; 16 and 8 for small models and tests)
 */
public record TransformerNetSpec(int baseWidth) {
    /** Instance-norm epsilon of {@code torch.nn.InstanceNorm2d}. */
    public static final float NORM_EPSILON = 1e-5f;

    public static final int RESIDUAL_BLOCKS = 5;

    public TransformerNetSpec {
        if (baseWidth < 1 || baseWidth > 256) {
            throw new IllegalArgumentException("base width must be 1..256, got " + baseWidth);
        }
    }

    /** One reflection-padded convolution, optionally preceded by a nearest upsample and followed by norm and ReLU. */
    public record Conv(String name, int in, int out, int kernel, int stride, int upsample, String norm, boolean relu) {
        public String weight() {
            return name + ".conv2d.weight";
        }

        public String bias() {
            return name + ".conv2d.bias";
        }

        public int padding() {
            return kernel / 2;
        }

        public boolean hasNorm() {
            return norm != null;
        }
    }

    /** A layer of the network: a convolution, or a residual block of two convolutions plus the skip. */
    public sealed interface Layer permits ConvLayer, ResidualLayer {}

    public record ConvLayer(Conv conv) implements Layer {}

    /** {@code x + norm2(conv2(relu(norm1(conv1(x)))))}, as upstream: no ReLU after the sum. */
    public record ResidualLayer(String name, Conv first, Conv second) implements Layer {}

    public List<Layer> layers() {
        int n = baseWidth;
        List<Layer> layers = new ArrayList<>();
        layers.add(new ConvLayer(new Conv("conv1", 3, n, 9, 1, 1, "in1", true)));
        layers.add(new ConvLayer(new Conv("conv2", n, 2 * n, 3, 2, 1, "in2", true)));
        layers.add(new ConvLayer(new Conv("conv3", 2 * n, 4 * n, 3, 2, 1, "in3", true)));
        for (int i = 1; i <= RESIDUAL_BLOCKS; i++) {
            String res = "res" + i;
            layers.add(new ResidualLayer(
                    res,
                    new Conv(res + ".conv1", 4 * n, 4 * n, 3, 1, 1, res + ".in1", true),
                    new Conv(res + ".conv2", 4 * n, 4 * n, 3, 1, 1, res + ".in2", false)));
        }
        layers.add(new ConvLayer(new Conv("deconv1", 4 * n, 2 * n, 3, 1, 2, "in4", true)));
        layers.add(new ConvLayer(new Conv("deconv2", 2 * n, n, 3, 1, 2, "in5", true)));
        layers.add(new ConvLayer(new Conv("deconv3", n, 3, 9, 1, 1, null, false)));
        return Collections.unmodifiableList(layers);
    }

    /** Every convolution in forward order, residual ones included. */
    public List<Conv> convolutions() {
        List<Conv> convs = new ArrayList<>();
        for (Layer layer : layers()) {
            if (layer instanceof ConvLayer c) {
                convs.add(c.conv());
            } else if (layer instanceof ResidualLayer r) {
                convs.add(r.first());
                convs.add(r.second());
            }
        }
        return convs;
    }

    /** Parameter name to shape, in state-dict order (weights OIHW). */
    public Map<String, long[]> parameterShapes() {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (Conv conv : convolutions()) {
            shapes.put(conv.weight(), new long[] {conv.out(), conv.in(), conv.kernel(), conv.kernel()});
            shapes.put(conv.bias(), new long[] {conv.out()});
            if (conv.hasNorm()) {
                shapes.put(conv.norm() + ".weight", new long[] {conv.out()});
                shapes.put(conv.norm() + ".bias", new long[] {conv.out()});
            }
        }
        return shapes;
    }

    public long parameterCount() {
        long count = 0;
        for (long[] shape : parameterShapes().values()) {
            long size = 1;
            for (long d : shape) {
                size *= d;
            }
            count += size;
        }
        return count;
    }
}
