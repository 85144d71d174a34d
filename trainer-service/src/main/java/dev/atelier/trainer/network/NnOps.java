package dev.atelier.trainer.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

/**
 * The layers DJL's PyTorch engine lacks, built from differentiable primitives: reflection padding
 * (slice, flip, concat), instance norm (layer norm over H and W, then a per-channel affine) and nearest x2 upsampling
 * (broadcast and reshape). All take and return NCHW arrays.
 */
public final class NnOps {
    private NnOps() {}

    /** {@code torch.nn.ReflectionPad2d(pad)}: mirrors without repeating the edge pixel. */
    public static NDArray reflectionPad(NDArray x, int pad) {
        if (pad == 0) {
            return x;
        }
        long h = x.getShape().get(2);
        long w = x.getShape().get(3);
        if (pad >= h || pad >= w) {
            throw new IllegalArgumentException("reflection padding " + pad + " needs an input larger than " + pad
                    + " on each side, got " + h + "x" + w);
        }
        NDArray left = x.get(":, :, :, 1:" + (pad + 1)).flip(3);
        NDArray right = x.get(":, :, :, " + (w - 1 - pad) + ":" + (w - 1)).flip(3);
        NDArray wide = NDArrays.concat(new NDList(left, x, right), 3);
        NDArray top = wide.get(":, :, 1:" + (pad + 1) + ", :").flip(2);
        NDArray bottom =
                wide.get(":, :, " + (h - 1 - pad) + ":" + (h - 1) + ", :").flip(2);
        return NDArrays.concat(new NDList(top, wide, bottom), 2);
    }

    /**
     * Affine {@code torch.nn.InstanceNorm2d}: per sample and channel, biased variance. Normalising each H x W plane
     * is what PyTorch's layer norm over the last two axes does, in one fused kernel forward and backward (the ten
     * elementwise ops it replaces each wrote a full-size array); the affine part is per channel, so it follows.
     */
    public static NDArray instanceNorm(NDArray x, NDArray gamma, NDArray beta, float epsilon) {
        Shape plane = new Shape(x.getShape().get(2), x.getShape().get(3));
        NDArray normalised;
        // Made by PyTorch, so the reference autograd keeps for backward outlives these handles (see Scalars).
        try (NDArray ones = x.getManager().ones(plane, x.getDataType());
                NDArray zeros = x.getManager().zeros(plane, x.getDataType())) {
            normalised = x.getNDArrayInternal()
                    .layerNorm(x, plane, ones, zeros, epsilon)
                    .singletonOrThrow();
        }
        Shape perChannel = new Shape(1, x.getShape().get(1), 1, 1);
        return normalised.mul(gamma.reshape(perChannel)).add(beta.reshape(perChannel));
    }

    /** Mean over H and W, kept as [N, C, 1, 1] (the PyTorch engine reduces one axis at a time). */
    public static NDArray spatialMean(NDArray x) {
        return x.mean(new int[] {3}, true).mean(new int[] {2}, true);
    }

    /** Nearest-neighbour upsampling by an integer factor (each pixel becomes a factor x factor block). */
    public static NDArray upsampleNearest(NDArray x, int factor) {
        if (factor == 1) {
            return x;
        }
        Shape s = x.getShape();
        long n = s.get(0);
        long c = s.get(1);
        long h = s.get(2);
        long w = s.get(3);
        return x.reshape(n, c, h, 1, w, 1)
                .broadcast(new Shape(n, c, h, factor, w, factor))
                .reshape(n, c, h * factor, w * factor);
    }

    /** A padding-free convolution with bias. */
    public static NDArray conv(NDArray x, NDArray weight, NDArray bias, int stride) {
        return Conv2d.conv2d(x, weight, bias, new Shape(stride, stride), new Shape(0, 0), new Shape(1, 1))
                .singletonOrThrow();
    }

    /** A zero-padded convolution with bias. */
    public static NDArray conv(NDArray x, NDArray weight, NDArray bias, int stride, int padding) {
        return Conv2d.conv2d(x, weight, bias, new Shape(stride, stride), new Shape(padding, padding), new Shape(1, 1))
                .singletonOrThrow();
    }
}
