package dev.atelier.cli.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.platform.models.ModelFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxModelReaderTest {
    private static final Path UDNIE =
            Path.of(System.getProperty("atelier.home", "../../..")).resolve("models/starter/udnie");

    @Test
    void aStarterModelIsReadWithThePreviewBesideIt() throws Exception {
        ModelFile model = OnnxModelReader.read(UDNIE.resolve("udnie.onnx"));
        assertThat(model.inputName()).isEqualTo("input1");
        assertThat(model.preview()).isEqualTo(Files.readAllBytes(UDNIE.resolve("preview.jpg")));
    }

    @Test
    void aModelWithoutAPreviewHasNone(@TempDir Path folder) throws Exception {
        Path alone = Files.copy(UDNIE.resolve("udnie.onnx"), folder.resolve("udnie.onnx"));
        assertThat(OnnxModelReader.read(alone).preview()).isNull();
    }
}
