package dev.atelier.trainer.onnx;

import com.google.protobuf.ByteString;
import dev.atelier.onnx.proto.Onnx.AttributeProto;
import dev.atelier.onnx.proto.Onnx.GraphProto;
import dev.atelier.onnx.proto.Onnx.ModelProto;
import dev.atelier.onnx.proto.Onnx.NodeProto;
import dev.atelier.onnx.proto.Onnx.OperatorSetIdProto;
import dev.atelier.onnx.proto.Onnx.StringStringEntryProto;
import dev.atelier.onnx.proto.Onnx.TensorProto;
import dev.atelier.onnx.proto.Onnx.TensorShapeProto;
import dev.atelier.onnx.proto.Onnx.TypeProto;
import dev.atelier.onnx.proto.Onnx.ValueInfoProto;
import dev.atelier.trainer.network.TransformerNet;
import dev.atelier.trainer.network.TransformerNetSpec;
import dev.atelier.trainer.network.TransformerNetSpec.Conv;
import dev.atelier.trainer.network.TransformerNetSpec.ConvLayer;
import dev.atelier.trainer.network.TransformerNetSpec.Layer;
import dev.atelier.trainer.network.TransformerNetSpec.ResidualLayer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a {@link TransformerNetSpec} with its weights as an ONNX model through the ONNX protobuf schema.
 * The model follows the worker's convention: input {@code input1}, output {@code output1}, float NCHW RGB
 * 0..255 with dynamic batch, height and width. Operators of the default domain at {@link #OPSET}: Pad
 * (reflect), Conv, InstanceNormalization, Relu, Add, Resize (nearest, the upstream {@code interpolate}).
 */
public final class OnnxExporter {
    public static final String INPUT = "input1";
    public static final String OUTPUT = "output1";
    public static final int OPSET = 17;
    /** IR version 8 goes with opset 17 (ONNX 1.12), the newest the schema in src/main/proto describes. */
    public static final int IR_VERSION = 8;

    private final String producerVersion;

    public OnnxExporter(String producerVersion) {
        this.producerVersion = producerVersion;
    }

    /** Exports the network's current parameters. */
    public byte[] export(TransformerNet net, Map<String, String> metadata) {
        Map<String, float[]> weights = new LinkedHashMap<>();
        net.parameterArrays().forEach((name, array) -> weights.put(name, array.toFloatArray()));
        return export(net.spec(), weights, metadata);
    }

    /**
     * @param weights every parameter of the spec by state-dict name, values in row-major order
     * @param metadata free-form key/value pairs stored as model metadata (style id, training step, ...)
     * @throws IllegalArgumentException if a parameter is missing or has the wrong number of values
     */
    public byte[] export(TransformerNetSpec spec, Map<String, float[]> weights, Map<String, String> metadata) {
        GraphProto.Builder graph = GraphProto.newBuilder().setName("atelier_transformer_net_w" + spec.baseWidth());
        for (Map.Entry<String, long[]> p : spec.parameterShapes().entrySet()) {
            float[] values = weights.get(p.getKey());
            long count = Arrays.stream(p.getValue()).reduce(1, (a, b) -> a * b);
            if (values == null || values.length != count) {
                throw new IllegalArgumentException("parameter " + p.getKey() + ": expected " + count + " values "
                        + Arrays.toString(p.getValue()) + ", got " + (values == null ? "none" : values.length));
            }
            graph.addInitializer(floatTensor(p.getKey(), p.getValue(), values));
        }
        Writer writer = new Writer(graph);
        String x = INPUT;
        List<Layer> layers = spec.layers();
        for (int i = 0; i < layers.size(); i++) {
            String out = i == layers.size() - 1 ? OUTPUT : null;
            if (layers.get(i) instanceof ConvLayer c) {
                x = writer.conv(c.conv(), x, out);
            } else if (layers.get(i) instanceof ResidualLayer r) {
                String inner = writer.conv(r.second(), writer.conv(r.first(), x, null), null);
                x = writer.node("Add", r.name() + "/add", out, List.of(inner, x), List.of());
            }
        }
        graph.addInput(imageValue(INPUT)).addOutput(imageValue(OUTPUT));

        ModelProto.Builder model = ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setProducerName("atelier-trainer")
                .setProducerVersion(producerVersion)
                .setDomain("dev.atelier")
                .setDocString("Johnson et al. transform network (pytorch/examples TransformerNet layout), base width "
                        + spec.baseWidth() + "; input1/output1 float NCHW RGB 0..255, clamp the output.")
                .setGraph(graph);
        metadata.forEach((k, v) -> model.addMetadataProps(
                StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
        return model.build().toByteArray();
    }

    /** Emits nodes and the few constant initializers (pads, scales) they share. */
    private static final class Writer {
        private final GraphProto.Builder graph;
        private final Set<String> constants = new HashSet<>();

        Writer(GraphProto.Builder graph) {
            this.graph = graph;
        }

        String conv(Conv conv, String input, String finalOutput) {
            String x = input;
            if (conv.upsample() > 1) {
                String scales = constant(
                        "resize_scales_x" + conv.upsample(),
                        () -> floatTensor("resize_scales_x" + conv.upsample(), new long[] {4}, new float[] {
                            1f, 1f, conv.upsample(), conv.upsample()
                        }));
                // Empty second input: no region of interest (only used by tf_crop_and_resize).
                x = node(
                        "Resize",
                        conv.name() + "/upsample",
                        null,
                        List.of(x, "", scales),
                        List.of(
                                string("mode", "nearest"),
                                string("coordinate_transformation_mode", "asymmetric"),
                                string("nearest_mode", "floor")));
            }
            int p = conv.padding();
            if (p > 0) {
                String pads = constant(
                        "reflect_pads_" + p,
                        () -> longTensor("reflect_pads_" + p, new long[] {8}, new long[] {0, 0, p, p, 0, 0, p, p}));
                x = node("Pad", conv.name() + "/pad", null, List.of(x, pads), List.of(string("mode", "reflect")));
            }
            boolean last = !conv.hasNorm() && !conv.relu();
            x = node(
                    "Conv",
                    conv.name() + "/conv",
                    last ? finalOutput : null,
                    List.of(x, conv.weight(), conv.bias()),
                    List.of(
                            ints("kernel_shape", conv.kernel(), conv.kernel()),
                            ints("strides", conv.stride(), conv.stride()),
                            ints("pads", 0, 0, 0, 0),
                            ints("dilations", 1, 1),
                            integer("group", 1)));
            if (conv.hasNorm()) {
                x = node(
                        "InstanceNormalization",
                        conv.norm(),
                        conv.relu() ? null : finalOutput,
                        List.of(x, conv.norm() + ".weight", conv.norm() + ".bias"),
                        List.of(AttributeProto.newBuilder()
                                .setName("epsilon")
                                .setType(AttributeProto.AttributeType.FLOAT)
                                .setF(TransformerNetSpec.NORM_EPSILON)
                                .build()));
            }
            if (conv.relu()) {
                x = node("Relu", conv.name() + "/relu", finalOutput, List.of(x), List.of());
            }
            return x;
        }

        String node(String op, String name, String output, List<String> inputs, List<AttributeProto> attributes) {
            String out = output != null ? output : name + ":0";
            graph.addNode(NodeProto.newBuilder()
                    .setOpType(op)
                    .setName(name)
                    .addAllInput(inputs)
                    .addOutput(out)
                    .addAllAttribute(attributes));
            return out;
        }

        private String constant(String name, java.util.function.Supplier<TensorProto> tensor) {
            if (constants.add(name)) {
                graph.addInitializer(tensor.get());
            }
            return name;
        }
    }

    static TensorProto floatTensor(String name, long[] dims, float[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        return TensorProto.newBuilder()
                .setName(name)
                .setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addAllDims(Arrays.stream(dims).boxed().toList())
                .setRawData(ByteString.copyFrom(bytes.array()))
                .build();
    }

    static TensorProto longTensor(String name, long[] dims, long[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asLongBuffer().put(values);
        return TensorProto.newBuilder()
                .setName(name)
                .setDataType(TensorProto.DataType.INT64_VALUE)
                .addAllDims(Arrays.stream(dims).boxed().toList())
                .setRawData(ByteString.copyFrom(bytes.array()))
                .build();
    }

    private static AttributeProto string(String name, String value) {
        return AttributeProto.newBuilder()
                .setName(name)
                .setType(AttributeProto.AttributeType.STRING)
                .setS(ByteString.copyFromUtf8(value))
                .build();
    }

    private static AttributeProto ints(String name, long... values) {
        return AttributeProto.newBuilder()
                .setName(name)
                .setType(AttributeProto.AttributeType.INTS)
                .addAllInts(Arrays.stream(values).boxed().toList())
                .build();
    }

    private static AttributeProto integer(String name, long value) {
        return AttributeProto.newBuilder()
                .setName(name)
                .setType(AttributeProto.AttributeType.INT)
                .setI(value)
                .build();
    }

    /** float [batch, 3, height, width] with symbolic batch and spatial sizes. */
    private static ValueInfoProto imageValue(String name) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("batch"))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(3))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("height"))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("width"));
        TypeProto type = TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder()
                        .setElemType(TensorProto.DataType.FLOAT_VALUE)
                        .setShape(shape))
                .build();
        return ValueInfoProto.newBuilder().setName(name).setType(type).build();
    }
}
