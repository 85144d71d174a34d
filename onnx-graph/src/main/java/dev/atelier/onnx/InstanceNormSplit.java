package dev.atelier.onnx;

import dev.atelier.onnx.proto.Onnx.AttributeProto;
import dev.atelier.onnx.proto.Onnx.GraphProto;
import dev.atelier.onnx.proto.Onnx.ModelProto;
import dev.atelier.onnx.proto.Onnx.NodeProto;
import dev.atelier.onnx.proto.Onnx.OperatorSetIdProto;
import dev.atelier.onnx.proto.Onnx.TensorProto;
import dev.atelier.onnx.proto.Onnx.TensorShapeProto;
import dev.atelier.onnx.proto.Onnx.TypeProto;
import dev.atelier.onnx.proto.Onnx.ValueInfoProto;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits a style model's instance normalisation into its two halves, so that a large photo can be stylised in tiles
 * that all normalise with the same statistics, those of the whole photo (Chen et al., "Towards Ultra-Resolution
 * Neural Style Transfer via Thumbnail Instance Normalization", 2022): tiles that each took their own statistics
 * would each get their own colour and contrast, and the seams would show.
 *
 * <ul>
 *   <li>The <b>statistics model</b> is the model unchanged plus, for every {@code InstanceNormalization}, two more
 *       outputs: the per-channel mean and (population) variance of its input, {@code [N, C, 1, 1]}. Run on a
 *       thumbnail of the photo, it gives the statistics of the whole photo.</li>
 *   <li>The <b>tile model</b> takes those statistics as inputs, one pair per normalisation, and normalises with them
 *       instead of its own: {@code (x - mean) / sqrt(var + epsilon) * scale + bias}, exactly what
 *       {@code InstanceNormalization} computes with its own statistics.</li>
 * </ul>
 *
 * The statistics keep the order of the normalisations in the graph: the {@code k}th output pair of the statistics
 * model feeds the {@code k}th input pair of the tile model.
 */
public final class InstanceNormSplit {
    private static final String PREFIX = "atelier_in_";

    private InstanceNormSplit() {}

    /** The two models, serialised, and the names that connect them. */
    public record Split(byte[] statisticsModel, byte[] tileModel, List<Statistic> statistics) {}

    /** One normalisation's statistics: output names of the statistics model, equally named inputs of the tile model. */
    public record Statistic(String mean, String variance) {}

    /**
     * @return empty when the model has no {@code InstanceNormalization} (it has nothing that depends on the whole
     *     image, or it normalises some other way)
     */
    public static Optional<Split> of(ModelProto model) {
        GraphProto graph = model.getGraph();
        List<NodeProto> norms = graph.getNodeList().stream()
                .filter(n -> n.getOpType().equals("InstanceNormalization")
                        && (n.getDomain().isEmpty() || n.getDomain().equals("ai.onnx")))
                .toList();
        if (norms.isEmpty()) {
            return Optional.empty();
        }
        long opset = model.getOpsetImportList().stream()
                .filter(o -> o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx"))
                .mapToLong(OperatorSetIdProto::getVersion)
                .findFirst()
                .orElse(1);
        List<Statistic> statistics = new ArrayList<>();
        for (int k = 0; k < norms.size(); k++) {
            statistics.add(new Statistic(PREFIX + k + "_mean", PREFIX + k + "_var"));
        }
        return Optional.of(new Split(
                statisticsModel(model, norms, statistics, opset).toByteArray(),
                tileModel(model, norms, statistics).toByteArray(),
                List.copyOf(statistics)));
    }

    private static ModelProto statisticsModel(
            ModelProto model, List<NodeProto> norms, List<Statistic> statistics, long opset) {
        GraphProto.Builder graph = model.getGraph().toBuilder();
        boolean axesAsInput = opset >= 18;
        if (axesAsInput) {
            graph.addInitializer(int64s(PREFIX + "spatial_axes", 2, 3));
        }
        for (int k = 0; k < norms.size(); k++) {
            String x = norms.get(k).getInput(0);
            Statistic s = statistics.get(k);
            String centred = PREFIX + k + "_centred";
            String squared = PREFIX + k + "_squared";
            graph.addNode(spatialMean(x, s.mean(), axesAsInput));
            graph.addNode(node("Sub", centred, x, s.mean()));
            graph.addNode(node("Mul", squared, centred, centred));
            graph.addNode(spatialMean(squared, s.variance(), axesAsInput));
            graph.addOutput(floatTensor(s.mean(), null));
            graph.addOutput(floatTensor(s.variance(), null));
        }
        return model.toBuilder().setGraph(graph).build();
    }

    private static ModelProto tileModel(ModelProto model, List<NodeProto> norms, List<Statistic> statistics) {
        GraphProto original = model.getGraph();
        GraphProto.Builder graph = original.toBuilder().clearNode();
        graph.addInitializer(int64s(PREFIX + "per_channel", -1, 1, 1));
        for (NodeProto node : original.getNodeList()) {
            int k = norms.indexOf(node);
            if (k < 0) {
                graph.addNode(node);
                continue;
            }
            String x = node.getInput(0);
            String scale = node.getInput(1);
            String bias = node.getInput(2);
            Statistic s = statistics.get(k);
            Long channels = channels(original, scale);
            graph.addInput(floatTensor(s.mean(), channels));
            graph.addInput(floatTensor(s.variance(), channels));
            String p = PREFIX + k + "_";
            graph.addInitializer(TensorProto.newBuilder()
                    .setName(p + "epsilon")
                    .setDataType(TensorProto.DataType.FLOAT_VALUE)
                    .addFloatData(epsilon(node))
                    .build());
            graph.addNode(node("Sub", p + "centred", x, s.mean()));
            graph.addNode(node("Add", p + "var_eps", s.variance(), p + "epsilon"));
            graph.addNode(node("Sqrt", p + "std", p + "var_eps"));
            graph.addNode(node("Div", p + "normalised", p + "centred", p + "std"));
            graph.addNode(node("Reshape", p + "scale", scale, PREFIX + "per_channel"));
            graph.addNode(node("Reshape", p + "bias", bias, PREFIX + "per_channel"));
            graph.addNode(node("Mul", p + "scaled", p + "normalised", p + "scale"));
            graph.addNode(node("Add", node.getOutput(0), p + "scaled", p + "bias"));
        }
        return model.toBuilder().setGraph(graph).build();
    }

    /** InstanceNormalization's default epsilon is 1e-5. */
    private static float epsilon(NodeProto norm) {
        return norm.getAttributeList().stream()
                .filter(a -> a.getName().equals("epsilon"))
                .map(AttributeProto::getF)
                .findFirst()
                .orElse(1e-5f);
    }

    /** The channel count from the scale's initializer, when it is one. */
    private static Long channels(GraphProto graph, String scale) {
        return graph.getInitializerList().stream()
                .filter(t -> t.getName().equals(scale) && t.getDimsCount() == 1)
                .map(t -> t.getDims(0))
                .findFirst()
                .orElse(null);
    }

    private static NodeProto spatialMean(String input, String output, boolean axesAsInput) {
        NodeProto.Builder mean = NodeProto.newBuilder()
                .setOpType("ReduceMean")
                .setName(output)
                .addInput(input)
                .addOutput(output)
                .addAttribute(AttributeProto.newBuilder()
                        .setName("keepdims")
                        .setType(AttributeProto.AttributeType.INT)
                        .setI(1));
        if (axesAsInput) {
            mean.addInput(PREFIX + "spatial_axes");
        } else {
            mean.addAttribute(AttributeProto.newBuilder()
                    .setName("axes")
                    .setType(AttributeProto.AttributeType.INTS)
                    .addInts(2)
                    .addInts(3));
        }
        return mean.build();
    }

    private static NodeProto node(String op, String output, String... inputs) {
        NodeProto.Builder node =
                NodeProto.newBuilder().setOpType(op).setName(output).addOutput(output);
        for (String input : inputs) {
            node.addInput(input);
        }
        return node.build();
    }

    private static TensorProto int64s(String name, long... values) {
        TensorProto.Builder tensor = TensorProto.newBuilder()
                .setName(name)
                .setDataType(TensorProto.DataType.INT64_VALUE)
                .addDims(values.length);
        for (long v : values) {
            tensor.addInt64Data(v);
        }
        return tensor.build();
    }

    /** A float tensor value: {@code [N, channels, 1, 1]} when the channels are known, of unknown shape otherwise. */
    private static ValueInfoProto floatTensor(String name, Long channels) {
        TypeProto.Tensor.Builder tensor = TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE);
        if (channels != null) {
            tensor.setShape(TensorShapeProto.newBuilder()
                    .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("N"))
                    .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(channels))
                    .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(1))
                    .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(1)));
        }
        return ValueInfoProto.newBuilder()
                .setName(name)
                .setType(TypeProto.newBuilder().setTensorType(tensor))
                .build();
    }
}
