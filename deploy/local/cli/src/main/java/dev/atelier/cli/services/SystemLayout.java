package dev.atelier.cli.services;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the system's parts are and which loopback ports they use.
 *
 * @param home    the Atelier checkout: services run from {@code {home}/{module}/target/quarkus-app}
 * @param dataDir Kafka and S3 data under {@code stack/}, service logs under {@code logs/}; survives restarts
 */
public record SystemLayout(
        Path home,
        Path dataDir,
        int gatewayPort,
        int workerPort,
        int trainerPort,
        int kafkaPort,
        int kafkaControllerPort,
        int s3Port) {

    public SystemLayout {
        home = home.toAbsolutePath().normalize();
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    /**
     * A layout on six loopback ports that are free now, for tests and benchmarks that must not meet a running
     * {@code ./atelier up} or each other. (Another process may take one before the system binds it: then the system's
     * start fails and says which port.)
     */
    public static SystemLayout onFreePorts(Path home, Path dataDir) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                sockets.add(new ServerSocket(0));
            }
            int[] ports = sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
            return new SystemLayout(home, dataDir, ports[0], ports[1], ports[2], ports[3], ports[4], ports[5]);
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
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
