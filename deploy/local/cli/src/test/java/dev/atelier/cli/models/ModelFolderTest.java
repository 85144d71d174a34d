package dev.atelier.cli.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFolderTest {

    @Test
    void namesStylesAfterTheirFilesAndPrefersTheWiderNetwork(@TempDir Path folder) throws Exception {
        Files.createDirectories(folder.resolve("nc8"));
        Files.createDirectories(folder.resolve("nc16"));
        Files.createDirectories(folder.resolve("loss_networks"));
        Files.write(folder.resolve("nc8/candy_nc8.onnx"), new byte[10]);
        Files.write(folder.resolve("nc16/candy_nc16.onnx"), new byte[20]);
        Files.write(folder.resolve("nc16/rain-princess_nc16.onnx"), new byte[20]);
        Files.write(folder.resolve("StarryNight.onnx"), new byte[5]);
        Files.write(folder.resolve("loss_networks/squeezenet.onnx"), new byte[5]);
        Files.write(folder.resolve("notes.txt"), new byte[5]);

        assertThat(ModelFolder.scan(folder))
                .containsExactly(
                        new ModelFolder.Entry("candy", "Candy", folder.resolve("nc16/candy_nc16.onnx")),
                        new ModelFolder.Entry(
                                "rain-princess", "Rain Princess", folder.resolve("nc16/rain-princess_nc16.onnx")),
                        new ModelFolder.Entry("starry-night", "Starry Night", folder.resolve("StarryNight.onnx")));
    }

    @Test
    void aModelNeverTakesAStarterModelsId() {
        Path reference = Path.of("models/udnie_nc16.onnx");
        ModelFolder.Entry found = ModelFolder.entry(reference);
        assertThat(found.styleId()).isEqualTo("udnie");

        assertThat(ModelFolder.avoiding(found, Set.of("candy"))).isEqualTo(found);
        assertThat(ModelFolder.avoiding(found, Set.of("udnie")))
                .isEqualTo(new ModelFolder.Entry("udnie-nc16", "Udnie Nc16", reference));
        assertThat(ModelFolder.avoiding(ModelFolder.entry(Path.of("udnie.onnx")), Set.of("udnie", "udnie-2"))
                        .styleId())
                .isEqualTo("udnie-3");
    }
}
