package dev.atelier.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Apache Kafka broker (KRaft, combined broker and controller) as its own process:
 * {@code java -cp <home>/kafka/* kafka.Kafka server.properties}.
 *
 * <p>Files under the data folder: {@code kafka/server.properties} (rewritten at each start), {@code kafka/cluster.id},
 * {@code kafka/data} (the log dirs: topics and offsets, formatted once), {@code kafka/kafka.pid} and
 * {@code logs/kafka.log}. Starting again on the same folder finds the same topics and offsets.
 */
public final class KafkaProcess {
    private final StackSettings settings;
    private final Path home;
    private final Path config;
    private final ServerProcess process;

    /** A broker for these settings; nothing runs until {@link #start()}. */
    public KafkaProcess(StackSettings settings) {
        this.settings = settings;
        this.home = settings.dataDir().resolve("kafka");
        this.config = home.resolve("server.properties");
        this.process = new ServerProcess(
                "Kafka broker", home.resolve("kafka.pid"), settings.logDir().resolve("kafka.log"), config.toString());
    }

    /**
     * Formats the storage on first use, starts the broker and returns once it answers an Admin request.
     * A broker already running on this folder (this JVM's, or one an earlier JVM left behind) is stopped first.
     *
     * @throws IllegalStateException when the jars are missing or the broker does not come up (the message carries
     *                               the end of {@link #logFile()})
     */
    public synchronized void start() {
        String classpath = ServerJars.kafkaClasspath(settings);
        process.stop();
        writeConfig();
        formatOnce(classpath);
        process.launch(
                List.of(
                        ServerProcess.javaExecutable(),
                        "-Xms64m",
                        "-Xmx512m",
                        "-XX:+UseG1GC",
                        "-XX:MaxGCPauseMillis=20",
                        "-XX:+ExitOnOutOfMemoryError",
                        "-Djava.awt.headless=true",
                        "-Dorg.slf4j.simpleLogger.showDateTime=true",
                        "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd HH:mm:ss.SSS",
                        "-cp",
                        classpath,
                        "kafka.Kafka",
                        config.toString()),
                home);
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200))) {
            process.awaitReady(() -> answers(admin), settings.startTimeout());
        }
    }

    /** Stops the broker cleanly (SIGTERM, then SIGKILL after 30 s). No-op when it is not running. */
    public void stop() {
        process.stop();
    }

    /** Kills the broker with SIGKILL, as a crash would. No-op when it is not running. */
    public void kill() {
        process.kill();
    }

    /** Whether the broker's process runs (it may still be starting). */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** {@code 127.0.0.1:<port>}. */
    public String bootstrapServers() {
        return settings.bootstrapServers();
    }

    /** The broker's output: {@code <data>/logs/kafka.log}. */
    public Path logFile() {
        return process.logFile();
    }

    private static boolean answers(Admin admin) {
        try {
            return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(1000))
                    .nodes()
                    .get(1500, TimeUnit.MILLISECONDS)
                    .isEmpty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
        } catch (Exception e) {
            return false;
        }
    }

    private void writeConfig() {
        String host = StackSettings.HOST;
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@" + host + ":" + settings.controllerPort());
        p.setProperty(
                "listeners",
                "PLAINTEXT://" + host + ":" + settings.kafkaPort() + ",CONTROLLER://" + host + ":"
                        + settings.controllerPort());
        p.setProperty("advertised.listeners", "PLAINTEXT://" + host + ":" + settings.kafkaPort());
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.setProperty("log.dirs", home.resolve("data").toString());
        p.setProperty("num.partitions", Integer.toString(settings.partitions()));
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "3");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("auto.create.topics.enable", "false");
        // After a crash the controller refuses the broker's new registration until the old one's session
        // expires (default 9 s): a shorter session makes a restart after kill() quick.
        p.setProperty("broker.session.timeout.ms", "4000");
        p.setProperty("broker.heartbeat.interval.ms", "1000");
        try {
            Files.createDirectories(home);
            try (var out = Files.newBufferedWriter(config)) {
                p.store(out, "Written by dev.atelier.local.KafkaProcess at each start");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + config, e);
        }
    }

    /** {@code kafka-storage format} unless the log dir already carries {@code meta.properties}. */
    private void formatOnce(String classpath) {
        if (Files.isRegularFile(home.resolve("data").resolve("meta.properties"))) {
            return;
        }
        process.runToEnd(
                "formatting the storage",
                List.of(
                        ServerProcess.javaExecutable(),
                        "-Xmx256m",
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-cp",
                        classpath,
                        "kafka.tools.StorageTool",
                        "format",
                        "--ignore-formatted",
                        "-t",
                        clusterId(),
                        "-c",
                        config.toString()),
                home,
                settings.startTimeout());
    }

    private String clusterId() {
        Path file = home.resolve("cluster.id");
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file).trim();
            }
            String id = Uuid.randomUuid().toString();
            Files.writeString(file, id);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }
}
