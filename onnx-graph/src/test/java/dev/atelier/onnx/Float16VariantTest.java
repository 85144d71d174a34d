package dev.atelier.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.onnx.proto.Onnx.GraphProto;
import dev.atelier.onnx.proto.Onnx.ModelProto;
import dev.atelier.onnx.proto.Onnx.NodeProto;
import dev.atelier.onnx.proto.Onnx.TensorProto;
import dev.atelier.onnx.proto.Onnx.TensorShapeProto;
import dev.atelier.onnx.proto.Onnx.ValueInfoProto;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Float16VariantTest {
    /**
     * The half-precision model gives the float model's picture: on the CPU, ONNX Runtime runs its half operators in
     * float between casts, so this measures what the rounding of weights and activations to half costs, not a GPU's
     * half arithmetic (measured on a GPU machine when one is lent). Three exporters: our trainer's (opset 17),
     * pytorch/examples' (opset 9) and a TensorFlow-converted model without instance normalisation.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "home:models/starter/udnie/udnie.onnx",
                "shared:models/fast_neural_style/pytorch_nc16/candy_nc16.onnx",
                "shared:models/vangogh_fast_style/StarryNight.onnx"
            })
    void theHalfPrecisionModelGivesTheFloatModelsPicture(String name) throws Exception {
        byte[] onnx = ModelRuns.model(name);
        ModelProto model = OnnxModels.parse(onnx);
        byte[] half = Float16Variant.of(model).toByteArray();

        assertThat(half.length)
                .as("bytes of the half model against the float one")
                .isLessThan(onnx.length * 6 / 10);
        GraphProto graph = model.getGraph();
        ValueInfoProto image = graph.getInputList().stream()
                .filter(v -> graph.getInitializerList().stream()
                        .noneMatch(t -> t.getName().equals(v.getName())))
                .findFirst()
                .orElseThrow();
        String input = image.getName();
        String output = graph.getOutput(0).getName();
        // A small photo, unless the model was exported for one size only.
        List<TensorShapeProto.Dimension> dims =
                image.getType().getTensorType().getShape().getDimList();
        int height = dims.get(2).getDimValue() > 0 ? (int) dims.get(2).getDimValue() : 72;
        int width = dims.get(3).getDimValue() > 0 ? (int) dims.get(3).getDimValue() : 96;
        float[] photo = ModelRuns.photo(width, height);
        long[] shape = {1, 3, height, width};
        float[] expected =
                ModelRuns.run(onnx, Map.of(input, photo), input, shape, output).get(output);
        float[] actual =
                ModelRuns.run(half, Map.of(input, photo), input, shape, output).get(output);

        assertThat(actual).hasSameSizeAs(expected);
        double squares = 0;
        double peak = 0;
        for (int i = 0; i < expected.length; i++) {
            double difference = actual[i] - expected[i];
            squares += difference * difference;
            peak = Math.max(peak, Math.abs(expected[i]));
        }
        double psnr = 10 * Math.log10(peak * peak / (squares / expected.length));
        System.out.printf("%s: half precision against float: PSNR %.1f dB (peak %.0f)%n", name, psnr, peak);
        assertThat(psnr)
                .as("PSNR of the half model's output against the float model's, dB")
                .isGreaterThan(60);
    }

    @ParameterizedTest
    @ValueSource(strings = {"home:models/starter/udnie/udnie.onnx"})
    void everyWeightIsHalfButResizeScalesAndTheModelsEdgesStayFloat(String name) throws Exception {
        ModelProto half = Float16Variant.of(OnnxModels.parse(ModelRuns.model(name)));
        GraphProto graph = half.getGraph();

        Set<String> resizeScales = graph.getNodeList().stream()
                .filter(n -> n.getOpType().equals("Resize"))
                .map(n -> n.getInput(2))
                .collect(Collectors.toSet());
        assertThat(resizeScales).as("the upsampling layers' scales").isNotEmpty();
        for (TensorProto weight : graph.getInitializerList()) {
            if (weight.getDataType() == TensorProto.DataType.FLOAT_VALUE) {
                assertThat(resizeScales).as("a float initializer").contains(weight.getName());
            }
        }
        assertThat(graph.getInitializerList().stream()
                        .filter(t -> t.getDataType() == TensorProto.DataType.FLOAT16_VALUE)
                        .count())
                .as("half initializers")
                .isGreaterThan(60);
        assertThat(graph.getInput(0).getType().getTensorType().getElemType())
                .isEqualTo(TensorProto.DataType.FLOAT_VALUE);
        assertThat(graph.getOutput(0).getType().getTensorType().getElemType())
                .isEqualTo(TensorProto.DataType.FLOAT_VALUE);
        assertThat(graph.getNodeList().stream().map(NodeProto::getOpType).filter("Cast"::equals))
                .as("a cast at the input and one at the output")
                .hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"home:models/starter/udnie/udnie.onnx"})
    void aModelAlreadyInHalfPrecisionIsRefused(String name) throws Exception {
        ModelProto half = Float16Variant.of(OnnxModels.parse(ModelRuns.model(name)));
        ModelProto.Builder halfEdges = half.toBuilder();
        halfEdges
                .getGraphBuilder()
                .getInputBuilder(0)
                .getTypeBuilder()
                .getTensorTypeBuilder()
                .setElemType(TensorProto.DataType.FLOAT16_VALUE);
        halfEdges
                .getGraphBuilder()
                .getOutputBuilder(0)
                .getTypeBuilder()
                .getTensorTypeBuilder()
                .setElemType(TensorProto.DataType.FLOAT16_VALUE);

        assertThatThrownBy(() -> Float16Variant.of(halfEdges.build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no float input or output");
    }
}
