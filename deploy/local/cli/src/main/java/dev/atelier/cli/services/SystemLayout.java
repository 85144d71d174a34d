package dev.atelier.cli.services;

import java.nio.file.Path;

/**
 * Where the system's parts are and which loopback ports they use.
 *
 * @param home    the Atelier checkout: services run from {@code {home}/{module}/target/quarkus-app}
 * @param dataDir Kafka and S3 data under {@code stack/}, service logs under {@code logs/}; survives restarts
 */
public record SystemLayout(Path home, Path dataDir, int gatewayPort, int workerPort, int trainerPort, int kafkaPort,
        int kafkaControllerPort, int s3Port) {

    public SystemLayout {
        home = home.toAbsolutePath().normalize();
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    Path stackHome() {
        return home.resolve("deploy/local/target/stack");
    }

    Path stackData() {
        return dataDir.resolve("stack");
    }

    Path logs() {
        return dataDir.resolve("logs");
    }
}
