package dev.atelier.onnx;

import com.google.protobuf.ByteString;
import dev.atelier.onnx.proto.Onnx.AttributeProto;
import dev.atelier.onnx.proto.Onnx.GraphProto;
import dev.atelier.onnx.proto.Onnx.ModelProto;
import dev.atelier.onnx.proto.Onnx.NodeProto;
import dev.atelier.onnx.proto.Onnx.TensorProto;
import dev.atelier.onnx.proto.Onnx.ValueInfoProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The half-precision (FP16) copy of a float model, for GPUs: its weights take half the memory and its arithmetic runs
 * on the tensor cores. Its inputs and outputs stay float ({@code Cast} nodes at the edges), so a caller feeds and reads
 * the same tensors as with the float model and can take either.
 *
 * <p>Converted: float initializers, the float tensors of {@code Constant} and {@code ConstantOfShape}, and
 * {@code Cast}s to float. Left float: what an operator requires to be float whatever its data type, the
 * {@code roi} and {@code scales} of {@code Resize} and the {@code scales} of {@code Upsample}. The graph's intermediate
 * type annotations ({@code value_info}) are dropped: they name float types, and runtimes infer them again.
 */
public final class Float16Variant {
    private static final String SUFFIX = "_fp16";
    /** Inputs that stay float in a half-precision graph: operator, input positions. */
    private static final Map<String, Set<Integer>> FLOAT_ONLY_INPUTS =
            Map.of("Resize", Set.of(1, 2), "Upsample", Set.of(1));

    private Float16Variant() {}

    /** @throws IllegalArgumentException when the model has no float input or output (nothing to convert) */
    public static ModelProto of(ModelProto model) {
        GraphProto graph = model.getGraph();
        Set<String> keepFloat = floatOnlyNames(graph);
        Map<String, String> renamed = new HashMap<>(); // a float graph input -> its half-precision copy
        GraphProto.Builder out =
                graph.toBuilder().clearNode().clearInitializer().clearValueInfo();
        for (int i = 0; i < graph.getInputCount(); i++) {
            ValueInfoProto input = graph.getInput(i);
            if (!isFloat(input) || keepFloat.contains(input.getName())) {
                continue;
            }
            if (isInitializer(graph, input.getName())) { // older exports list their weights as inputs too
                out.setInput(i, withElementType(input, TensorProto.DataType.FLOAT16));
            } else {
                String half = input.getName() + SUFFIX;
                renamed.put(input.getName(), half);
                out.addNode(cast(input.getName(), half, TensorProto.DataType.FLOAT16));
            }
        }
        Map<String, String> outputs = new HashMap<>(); // a float graph output -> the half-precision value cast to it
        for (ValueInfoProto output : graph.getOutputList()) {
            if (isFloat(output)) {
                outputs.put(output.getName(), output.getName() + SUFFIX);
            }
        }
        if (renamed.isEmpty() && outputs.isEmpty()) {
            throw new IllegalArgumentException("the model has no float input or output: nothing to convert");
        }
        for (NodeProto node : graph.getNodeList()) {
            out.addNode(convert(node, renamed, outputs, keepFloat));
        }
        outputs.forEach((name, half) -> out.addNode(cast(half, name, TensorProto.DataType.FLOAT)));
        for (TensorProto initializer : graph.getInitializerList()) {
            boolean converts = initializer.getDataType() == TensorProto.DataType.FLOAT_VALUE
                    && !keepFloat.contains(initializer.getName());
            out.addInitializer(converts ? toHalf(initializer) : initializer);
        }
        return model.toBuilder().setGraph(out).build();
    }

    private static NodeProto convert(
            NodeProto node, Map<String, String> renamed, Map<String, String> outputs, Set<String> keepFloat) {
        NodeProto.Builder converted = node.toBuilder();
        for (int i = 0; i < node.getInputCount(); i++) {
            String input = node.getInput(i);
            converted.setInput(i, renamed.getOrDefault(input, outputs.getOrDefault(input, input)));
        }
        for (int i = 0; i < node.getOutputCount(); i++) {
            converted.setOutput(i, outputs.getOrDefault(node.getOutput(i), node.getOutput(i)));
        }
        boolean staysFloat = node.getOutputList().stream().anyMatch(keepFloat::contains);
        if (staysFloat) {
            return converted.build();
        }
        for (int i = 0; i < node.getAttributeCount(); i++) {
            AttributeProto attribute = node.getAttribute(i);
            if (node.getOpType().equals("Cast")
                    && attribute.getName().equals("to")
                    && attribute.getI() == TensorProto.DataType.FLOAT_VALUE) {
                converted.setAttribute(i, attribute.toBuilder().setI(TensorProto.DataType.FLOAT16_VALUE));
            } else if (attribute.hasT() && attribute.getT().getDataType() == TensorProto.DataType.FLOAT_VALUE) {
                converted.setAttribute(i, attribute.toBuilder().setT(toHalf(attribute.getT())));
            }
        }
        return converted.build();
    }

    /** Names of the values that must stay float: the float-only inputs of the operators that have them. */
    private static Set<String> floatOnlyNames(GraphProto graph) {
        Set<String> names = new HashSet<>();
        for (NodeProto node : graph.getNodeList()) {
            for (int position : FLOAT_ONLY_INPUTS.getOrDefault(node.getOpType(), Set.of())) {
                if (position < node.getInputCount() && !node.getInput(position).isEmpty()) {
                    names.add(node.getInput(position));
                }
            }
        }
        return names;
    }

    private static TensorProto toHalf(TensorProto tensor) {
        float[] values = OnnxTensors.floats(tensor);
        ByteBuffer half = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : values) {
            half.putShort(HalfFloats.fromFloat(value));
        }
        return tensor.toBuilder()
                .setDataType(TensorProto.DataType.FLOAT16_VALUE)
                .clearFloatData()
                .setRawData(ByteString.copyFrom(half.array()))
                .build();
    }

    private static NodeProto cast(String input, String output, TensorProto.DataType to) {
        return NodeProto.newBuilder()
                .setOpType("Cast")
                .setName(output + "/cast")
                .addInput(input)
                .addOutput(output)
                .addAttribute(AttributeProto.newBuilder()
                        .setName("to")
                        .setType(AttributeProto.AttributeType.INT)
                        .setI(to.getNumber()))
                .build();
    }

    private static ValueInfoProto withElementType(ValueInfoProto value, TensorProto.DataType type) {
        ValueInfoProto.Builder converted = value.toBuilder();
        converted.getTypeBuilder().getTensorTypeBuilder().setElemType(type.getNumber());
        return converted.build();
    }

    private static boolean isFloat(ValueInfoProto value) {
        return value.getType().hasTensorType()
                && value.getType().getTensorType().getElemType() == TensorProto.DataType.FLOAT_VALUE;
    }

    private static boolean isInitializer(GraphProto graph, String name) {
        return graph.getInitializerList().stream().anyMatch(t -> t.getName().equals(name));
    }
}
