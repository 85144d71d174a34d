package dev.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.onnx.OnnxModels;
import dev.atelier.onnx.proto.Onnx.TensorProto;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class HalfPrecisionCommandTest {
    private static final Path HOME = Path.of(System.getProperty("atelier.home", "../../.."));

    @Test
    void writesTheHalfPrecisionCopyOfAModel(@TempDir Path dir) throws Exception {
        Path udnie = HOME.resolve("models/starter/udnie/udnie.onnx");
        Path out = dir.resolve("udnie.fp16.onnx");

        int exit =
                new CommandLine(new AtelierCli()).execute("models", "half-precision", udnie.toString(), out.toString());

        assertThat(exit).isZero();
        assertThat(Files.size(out)).isLessThan(Files.size(udnie) * 6 / 10);
        assertThat(OnnxModels.parse(Files.readAllBytes(out)).getGraph().getInitializerList())
                .anyMatch(t -> t.getDataType() == TensorProto.DataType.FLOAT16_VALUE);
    }

    @Test
    void aFileThatIsNoModelFailsWithAMessage(@TempDir Path dir) throws Exception {
        Path notAModel = Files.writeString(dir.resolve("x.onnx"), "not a model");

        int exit = new CommandLine(new AtelierCli())
                .execute(
                        "models",
                        "half-precision",
                        notAModel.toString(),
                        dir.resolve("y.onnx").toString());

        assertThat(exit).isNotZero();
        assertThat(dir.resolve("y.onnx")).doesNotExist();
    }
}
