package dev.atelier.cli;

import dev.atelier.cli.models.ModelFolder;
import dev.atelier.cli.models.ModelRegistration;
import dev.atelier.contracts.models.ModelManifest;
import dev.atelier.onnx.Float16Variant;
import dev.atelier.onnx.OnnxModels;
import dev.atelier.platform.events.EventPublisher;
import dev.atelier.platform.models.ModelPublisher;
import dev.atelier.platform.storage.ObjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code atelier models register|rollback|half-precision}: publishes models, or makes a stored version current again, on
 * a running system; writes a model's half-precision copy.
 */
@Command(
        name = "models",
        mixinStandardHelpOptions = true,
        description = "Manage style models.",
        subcommands = {ModelsCommand.Register.class, ModelsCommand.Rollback.class, ModelsCommand.HalfPrecision.class})
final class ModelsCommand {

    @Command(
            name = "register",
            mixinStandardHelpOptions = true,
            description = "Upload an ONNX file (or every model of a folder) as the new version of a style: "
                    + "model.onnx, then manifest.json, then the manifest on atelier.models.")
    static final class Register implements Callable<Integer> {
        @Parameters(index = "0", description = "An .onnx file, or a folder of them.")
        Path path;

        @Option(names = "--style", description = "Style id (default: from the file name).")
        String styleId;

        @Option(names = "--title", description = "Title people see (default: from the file name).")
        String title;

        @Mixin
        ConnectionOptions connection;

        @Override
        public Integer call() throws Exception {
            try (ModelRegistration registration =
                    ModelRegistration.connect(connection.s3(), connection.kafka(), System.out)) {
                if (Files.isDirectory(path)) {
                    registration.registerFolder(path);
                } else {
                    ModelFolder.Entry named = ModelFolder.entry(path);
                    registration.register(
                            path, styleId != null ? styleId : named.styleId(), title != null ? title : named.title());
                }
            }
            return 0;
        }
    }

    @Command(
            name = "rollback",
            mixinStandardHelpOptions = true,
            description =
                    "Make a stored version of a style current again: its manifest is announced on "
                            + "atelier.models, and every gateway and worker serves it for the next job (jobs in flight finish on theirs).")
    static final class Rollback implements Callable<Integer> {
        @Parameters(index = "0", description = "The style id.")
        String styleId;

        @Parameters(index = "1", description = "The version to make current.")
        int version;

        @Mixin
        ConnectionOptions connection;

        @Override
        public Integer call() {
            try (ObjectStore store = connection.objectStore();
                    EventPublisher events = connection.events()) {
                ModelManifest manifest =
                        new ModelPublisher(store, events, Clock.systemUTC()).announce(styleId, version);
                System.out.printf(
                        "%s@%d is current again (%s, published %s)%n",
                        manifest.styleId(), manifest.version(), manifest.source(), manifest.publishedAt());
            }
            return 0;
        }
    }

    @Command(
            name = "half-precision",
            mixinStandardHelpOptions = true,
            description =
                    "Write the half-precision (FP16) copy of a float ONNX model, with float inputs and outputs, for "
                            + "GPU runtimes elsewhere. Atelier's workers need none: on CUDA they make it when they load a model.")
    static final class HalfPrecision implements Callable<Integer> {
        @Parameters(index = "0", description = "The float .onnx file.")
        Path model;

        @Parameters(index = "1", description = "Where to write the copy.")
        Path out;

        @Override
        public Integer call() throws Exception {
            byte[] half = Float16Variant.of(OnnxModels.parse(Files.readAllBytes(model)))
                    .toByteArray();
            Files.write(out, half);
            System.out.printf("%s: %d bytes in half precision (float: %d)%n", out, half.length, Files.size(model));
            return 0;
        }
    }
}
