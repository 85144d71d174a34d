package dev.atelier.trainer.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.atelier.trainer.network.TransformerNetSpec.Conv;
import dev.atelier.trainer.network.TransformerNetSpec.ConvLayer;
import dev.atelier.trainer.network.TransformerNetSpec.Layer;
import dev.atelier.trainer.network.TransformerNetSpec.ResidualLayer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The DJL (PyTorch engine) graph of {@link TransformerNetSpec}: a block whose parameters carry the upstream
 * state-dict names. Input and output are float NCHW RGB in 0..255 (the output unclamped, as upstream);
 * height and width should be multiples of 4.
 *
 * <p>Create it with {@link #create} (random initialisation, for training) or {@link #fromWeights} (given
 * arrays, e.g. from an {@code .npz} or a checkpoint). All parameters live on the manager's device.
 */
public final class TransformerNet extends AbstractBlock {
    private final TransformerNetSpec spec;
    private final Map<String, Parameter> byName = new LinkedHashMap<>();

    private TransformerNet(TransformerNetSpec spec, Map<String, NDArray> arrays) {
        this.spec = spec;
        for (Map.Entry<String, long[]> entry : spec.parameterShapes().entrySet()) {
            String name = entry.getKey();
            Parameter.Builder builder = Parameter.builder().setName(name).setType(typeOf(name));
            builder =
                    arrays == null ? builder.optShape(new Shape(entry.getValue())) : builder.optArray(arrays.get(name));
            byName.put(name, addParameter(builder.build()));
        }
    }

    /** A randomly initialised network (Xavier conv weights, zero biases, unit norm scales). */
    public static TransformerNet create(TransformerNetSpec spec, NDManager manager) {
        TransformerNet net = new TransformerNet(spec, null);
        net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 64, 64));
        return net;
    }

    /**
     * A network holding the given arrays, which must name every parameter of the spec with its exact shape;
     * the arrays are used as they are (not copied) and become trainable.
     *
     * @throws IllegalArgumentException listing every missing, unexpected or misshapen array
     */
    public static TransformerNet fromWeights(TransformerNetSpec spec, Map<String, NDArray> arrays, NDManager manager) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, long[]> expected : spec.parameterShapes().entrySet()) {
            NDArray array = arrays.get(expected.getKey());
            if (array == null) {
                problems.add("missing " + expected.getKey() + " " + Arrays.toString(expected.getValue()));
            } else if (!Arrays.equals(array.getShape().getShape(), expected.getValue())) {
                problems.add(expected.getKey() + " has shape " + array.getShape() + ", expected "
                        + Arrays.toString(expected.getValue()));
            } else if (array.getDataType() != DataType.FLOAT32) {
                problems.add(expected.getKey() + " is " + array.getDataType() + ", expected float32");
            }
        }
        for (String name : arrays.keySet()) {
            if (!spec.parameterShapes().containsKey(name)) {
                problems.add("unexpected " + name);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("weights do not fit a TransformerNet of base width " + spec.baseWidth()
                    + ": " + String.join("; ", problems));
        }
        TransformerNet net = new TransformerNet(spec, arrays);
        net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 64, 64));
        return net;
    }

    /** Infers the base width from {@code conv1.conv2d.weight} ([N, 3, 9, 9]) and loads the arrays. */
    public static TransformerNet fromWeights(Map<String, NDArray> arrays, NDManager manager) {
        NDArray first = arrays.get("conv1.conv2d.weight");
        if (first == null || first.getShape().dimension() != 4) {
            throw new IllegalArgumentException(
                    "weights lack conv1.conv2d.weight [N, 3, 9, 9]; names given: " + arrays.keySet());
        }
        return fromWeights(new TransformerNetSpec((int) first.getShape().get(0)), arrays, manager);
    }

    private static Parameter.Type typeOf(String name) {
        boolean conv = name.contains(".conv2d.");
        if (name.endsWith(".weight")) {
            return conv ? Parameter.Type.WEIGHT : Parameter.Type.GAMMA;
        }
        return conv ? Parameter.Type.BIAS : Parameter.Type.BETA;
    }

    public TransformerNetSpec spec() {
        return spec;
    }

    /** The live parameter arrays by state-dict name, in spec order. */
    public Map<String, NDArray> parameterArrays() {
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        byName.forEach((name, p) -> arrays.put(name, p.getArray()));
        return arrays;
    }

    /** Runs the network (inference or, inside a gradient collector, training). */
    public NDArray forward(NDArray images) {
        NDArray y = images;
        for (Layer layer : spec.layers()) {
            if (layer instanceof ConvLayer c) {
                y = apply(c.conv(), y);
            } else if (layer instanceof ResidualLayer r) {
                y = apply(r.second(), apply(r.first(), y)).add(y);
            }
        }
        return y;
    }

    private NDArray apply(Conv conv, NDArray x) {
        NDArray y = NnOps.upsampleNearest(x, conv.upsample());
        y = NnOps.reflectionPad(y, conv.padding());
        y = NnOps.conv(y, value(conv.weight()), value(conv.bias()), conv.stride());
        if (conv.hasNorm()) {
            y = NnOps.instanceNorm(
                    y, value(conv.norm() + ".weight"), value(conv.norm() + ".bias"), TransformerNetSpec.NORM_EPSILON);
        }
        return conv.relu() ? Activation.relu(y) : y;
    }

    private NDArray value(String name) {
        return byName.get(name).getArray();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(forward(inputs.singletonOrThrow()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), 3, in.get(2) / 4 * 4, in.get(3) / 4 * 4)};
    }
}
