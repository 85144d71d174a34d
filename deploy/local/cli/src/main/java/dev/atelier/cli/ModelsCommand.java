package dev.atelier.cli;

import dev.atelier.cli.models.ModelFolder;
import dev.atelier.cli.models.ModelRegistration;
import dev.atelier.platform.events.KafkaSettings;
import dev.atelier.platform.storage.S3Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atelier models register}: publishes ONNX files as new versions of styles on a running system. */
@Command(name = "models", description = "Manage style models.", subcommands = ModelsCommand.Register.class)
final class ModelsCommand {

    @Command(name = "register", description = "Upload an ONNX file (or every model of a folder) as the new version of a style: "
            + "model.onnx, then manifest.json, then the manifest on atelier.models.")
    static final class Register implements Callable<Integer> {
        @Parameters(index = "0", description = "An .onnx file, or a folder of them.")
        Path path;

        @Option(names = "--style", description = "Style id (default: from the file name).")
        String styleId;

        @Option(names = "--title", description = "Title people see (default: from the file name).")
        String title;

        @Option(names = "--kafka", defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092}", description = "Kafka bootstrap servers.")
        String kafka;

        @Option(names = "--s3-endpoint", defaultValue = "${env:ATELIER_S3_ENDPOINT:-http://127.0.0.1:9000}")
        String s3Endpoint;

        @Option(names = "--s3-access-key", defaultValue = "${env:ATELIER_S3_ACCESS_KEY:-atelier}")
        String accessKey;

        @Option(names = "--s3-secret-key", defaultValue = "${env:ATELIER_S3_SECRET_KEY:-atelier-secret}")
        String secretKey;

        @Option(names = "--s3-bucket", defaultValue = "${env:ATELIER_S3_BUCKET:-atelier}")
        String bucket;

        @Option(names = "--s3-region", defaultValue = "${env:ATELIER_S3_REGION:-us-east-1}")
        String region;

        @Override
        public Integer call() throws Exception {
            try (ModelRegistration registration = ModelRegistration.connect(
                    new S3Settings(s3Endpoint, accessKey, secretKey, region, bucket), new KafkaSettings(kafka), System.out)) {
                if (Files.isDirectory(path)) {
                    registration.registerFolder(path);
                } else {
                    ModelFolder.Entry named = ModelFolder.entry(path);
                    registration.register(path, styleId != null ? styleId : named.styleId(), title != null ? title : named.title());
                }
            }
            return 0;
        }
    }
}
