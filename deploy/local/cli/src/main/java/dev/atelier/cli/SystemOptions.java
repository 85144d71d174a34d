package dev.atelier.cli;

import dev.atelier.cli.services.SystemLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where things are and which ports they use; shared by the commands that start the system. */
public final class SystemOptions {
    @Option(names = "--home", description = "The Atelier checkout (default: the current folder).", defaultValue = ".")
    Path home;

    @Option(
            names = "--data-dir",
            description = "Where Kafka and the S3 server keep their data and where logs go "
                    + "(default: HOME/.atelier). It survives restarts.")
    Path dataDir;

    @Option(
            names = "--models-dir",
            description = "Folder of ONNX style models to register (default: $ATELIER_MODELS_DIR, "
                    + "else HOME/../shared/models when it exists).")
    Path modelsDir;

    @Option(
            names = "--gateway-port",
            description = "HTTP port of the gateway (default: ${DEFAULT-VALUE}).",
            defaultValue = "8080")
    int gatewayPort;

    @Option(
            names = "--worker-port",
            description = "HTTP port of the inference worker (default: ${DEFAULT-VALUE}).",
            defaultValue = "8081")
    int workerPort;

    @Option(
            names = "--trainer-port",
            description = "HTTP port of the trainer (default: ${DEFAULT-VALUE}).",
            defaultValue = "8082")
    int trainerPort;

    @Option(
            names = "--kafka-port",
            description = "Kafka broker port on 127.0.0.1 (default: ${DEFAULT-VALUE}).",
            defaultValue = "9092")
    int kafkaPort;

    @Option(
            names = "--kafka-controller-port",
            description = "Kafka's KRaft controller port on 127.0.0.1 (default: ${DEFAULT-VALUE}).",
            defaultValue = "9093")
    int kafkaControllerPort;

    @Option(
            names = "--s3-port",
            description = "S3 server port on 127.0.0.1 (default: ${DEFAULT-VALUE}).",
            defaultValue = "9000")
    int s3Port;

    public Path home() {
        return home.toAbsolutePath().normalize();
    }

    public Path dataDir() {
        return (dataDir != null ? dataDir : home().resolve(".atelier"))
                .toAbsolutePath()
                .normalize();
    }

    public SystemLayout layout() {
        return new SystemLayout(
                home(), dataDir(), gatewayPort, workerPort, trainerPort, kafkaPort, kafkaControllerPort, s3Port);
    }

    /**
     * What the trainer needs from this machine: the loss network and the judge, when the models folder has their
     * weights ({@code loss_networks/}) and the environment does not name others.
     */
    public Map<String, String> trainerConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        modelsDir().ifPresent(models -> {
            Path squeezeNet = models.resolve("loss_networks/squeezenet1.1/weights_npy");
            Path vgg = models.resolve("loss_networks/vgg19_normalised_relu3_1/vgg19_normalised_relu3_1.npz");
            if (Files.isDirectory(squeezeNet) && System.getenv("ATELIER_TRAINER_LOSS_NETWORK_LOCATION") == null) {
                config.put("atelier.trainer.loss-network.location", squeezeNet.toString());
            }
            if (Files.isRegularFile(vgg) && System.getenv("ATELIER_TRAINER_JUDGE_NETWORK_LOCATION") == null) {
                config.put("atelier.trainer.judge-network.location", vgg.toString());
            }
        });
        return config;
    }

    /** The models folder, if one is configured or the shared one exists. */
    /** The style models this project trained with its own trainer, registered on every start. */
    public Path starterModels() {
        return home().resolve("models/starter");
    }

    public Optional<Path> modelsDir() {
        if (modelsDir != null) {
            return Optional.of(modelsDir.toAbsolutePath().normalize());
        }
        String fromEnv = System.getenv("ATELIER_MODELS_DIR");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(Path.of(fromEnv).toAbsolutePath().normalize());
        }
        Path shared = home().resolve("../shared/models").normalize();
        return Files.isDirectory(shared) ? Optional.of(shared) : Optional.empty();
    }
}
