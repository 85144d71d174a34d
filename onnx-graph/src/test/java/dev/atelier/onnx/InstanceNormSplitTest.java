package dev.atelier.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstanceNormSplitTest {
    /**
     * Fed the photo's own statistics, the tile model is the original model: the split changes where the statistics
     * come from, nothing else. Our trainer's export (opset 17) and pytorch/examples' (opset 9, from ../shared).
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "home:models/starter/udnie/udnie.onnx",
                "shared:models/fast_neural_style/pytorch_nc16/candy_nc16.onnx"
            })
    void theTileModelFedThePhotosOwnStatisticsGivesTheOriginalsResult(String model) throws Exception {
        byte[] onnx = ModelRuns.model(model);
        InstanceNormSplit.Split split =
                InstanceNormSplit.of(OnnxModels.parse(onnx)).orElseThrow();
        assertThat(split.statistics())
                .as("the normalisations of TransformerNet")
                .hasSize(15);
        float[] photo = ModelRuns.photo(96, 72);
        long[] shape = {1, 3, 72, 96};

        float[] original = ModelRuns.run(onnx, Map.of("input1", photo), "input1", shape, "output1")
                .get("output1");
        List<String> statisticNames = split.statistics().stream()
                .flatMap(s -> java.util.stream.Stream.of(s.mean(), s.variance()))
                .toList();
        Map<String, float[]> statistics = ModelRuns.run(
                split.statisticsModel(),
                Map.of("input1", photo),
                "input1",
                shape,
                statisticNames.toArray(String[]::new));
        Map<String, float[]> tileInputs = new HashMap<>(statistics);
        tileInputs.put("input1", photo);
        float[] tiled = ModelRuns.run(split.tileModel(), tileInputs, "input1", shape, "output1")
                .get("output1");

        assertThat(tiled).hasSameSizeAs(original);
        float worst = 0;
        for (int i = 0; i < original.length; i++) {
            worst = Math.max(worst, Math.abs(original[i] - tiled[i]));
        }
        assertThat(worst).as("largest difference, on a 0..255 scale").isLessThan(0.05f);
    }

    @Test
    void aModelWithoutInstanceNormalisationHasNothingToSplit() throws Exception {
        Path fixed = ModelRuns.SHARED.resolve("models/vangogh_fast_style");
        assumeTrue(Files.isDirectory(fixed), "skipped: " + fixed + " is absent");
        Optional<Path> any;
        try (var files = Files.list(fixed)) {
            any = files.filter(p -> p.toString().endsWith(".onnx")).findFirst();
        }
        assumeTrue(any.isPresent(), "skipped: no model in " + fixed);
        byte[] onnx = Files.readAllBytes(any.get());
        boolean hasInstanceNorm =
                new String(onnx, java.nio.charset.StandardCharsets.ISO_8859_1).contains("InstanceNormalization");
        assertThat(InstanceNormSplit.of(OnnxModels.parse(onnx)).isPresent()).isEqualTo(hasInstanceNorm);
    }

    @Test
    void bytesThatAreNoModelAreRefused() {
        assertThatThrownBy(() -> OnnxModels.parse(new byte[] {1, 2, 3, 4, 5}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not an ONNX model");
    }

    @Test
    void theActivationWidthIsThatOfTheFirstAndLastConvolutions() throws Exception {
        byte[] udnie = Files.readAllBytes(ModelRuns.HOME.resolve("models/starter/udnie/udnie.onnx"));
        assertThat(ActivationWidth.of(OnnxModels.parse(udnie))).hasValue(16);
        Path nc8 = ModelRuns.SHARED.resolve("models/fast_neural_style/pytorch_nc8/candy_nc8.onnx");
        if (Files.isRegularFile(nc8)) {
            assertThat(ActivationWidth.of(OnnxModels.parse(Files.readAllBytes(nc8))))
                    .hasValue(8);
        }
    }
}
