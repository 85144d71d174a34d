package dev.atelier.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;

/**
 * Everything the local stack needs to know: where its data lives, where the server jars are, its loopback ports and
 * the S3 credentials. Immutable; make one with {@link #builder()} or {@link #fromSystem()}.
 *
 * @param dataDir           folder for the broker's log dirs, the S3 objects, pid files and {@code logs/}; reusing it
 *                          after a restart keeps topics, offsets and objects
 * @param stackHome         folder holding {@code kafka/} (broker jars) and {@code s3proxy/s3proxy.jar}
 * @param kafkaPort         the broker's PLAINTEXT listener on 127.0.0.1
 * @param controllerPort    the KRaft controller listener on 127.0.0.1
 * @param s3Port            the S3 endpoint on 127.0.0.1
 * @param accessKey         S3 access key (AWS v2/v4 auth)
 * @param secretKey         S3 secret key (at least 8 characters, which MinIO requires too)
 * @param region            S3 region the clients sign for
 * @param bucket            the bucket created at start
 * @param partitions        partitions of every Atelier topic but the compacted {@code atelier.models} (always 1)
 * @param startTimeout      how long a server may take to answer after its process started
 */
public record StackSettings(
        Path dataDir,
        Path stackHome,
        int kafkaPort,
        int controllerPort,
        int s3Port,
        String accessKey,
        String secretKey,
        String region,
        String bucket,
        int partitions,
        Duration startTimeout) {

    /** The loopback address every server binds to. */
    public static final String HOST = "127.0.0.1";
    /** System property (or env {@code ATELIER_STACK_HOME}) naming the folder with the server jars. */
    public static final String STACK_HOME_PROPERTY = "atelier.stack.home";
    /** Where the jars are when nothing says otherwise, relative to the working directory (the repository root). */
    public static final Path DEFAULT_STACK_HOME = Path.of("deploy", "local", "target", "stack");

    public StackSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(stackHome, "stackHome");
        dataDir = dataDir.toAbsolutePath().normalize();
        stackHome = stackHome.toAbsolutePath().normalize();
        requirePort(kafkaPort, "kafkaPort");
        requirePort(controllerPort, "controllerPort");
        requirePort(s3Port, "s3Port");
        if (kafkaPort == controllerPort || kafkaPort == s3Port || controllerPort == s3Port) {
            throw new IllegalArgumentException(
                    "ports must differ: kafka " + kafkaPort + ", controller " + controllerPort + ", s3 " + s3Port);
        }
        Objects.requireNonNull(accessKey, "accessKey");
        if (secretKey == null || secretKey.length() < 8) {
            throw new IllegalArgumentException("secretKey needs at least 8 characters");
        }
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(bucket, "bucket");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1: " + partitions);
        }
        Objects.requireNonNull(startTimeout, "startTimeout");
    }

    /** A builder with the defaults: ports 9092/9093/9000, data in {@code .atelier/stack}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The defaults, overridden by system properties {@code atelier.stack.<name>} or environment variables
     * {@code ATELIER_STACK_<NAME>} (property first) for: {@code data-dir}, {@code home}, {@code kafka-port},
     * {@code controller-port}, {@code s3-port}, {@code access-key}, {@code secret-key}, {@code region},
     * {@code bucket}, {@code partitions}, {@code start-timeout-seconds}. Meant for the demo and command-line tools.
     */
    public static StackSettings fromSystem() {
        StackSettings d = builder().build();
        return builder()
                .dataDir(Path.of(setting("data-dir", d.dataDir().toString())))
                .stackHome(Path.of(setting("home", d.stackHome().toString())))
                .kafkaPort(Integer.parseInt(setting("kafka-port", "" + d.kafkaPort())))
                .controllerPort(Integer.parseInt(setting("controller-port", "" + d.controllerPort())))
                .s3Port(Integer.parseInt(setting("s3-port", "" + d.s3Port())))
                .accessKey(setting("access-key", d.accessKey()))
                .secretKey(setting("secret-key", d.secretKey()))
                .region(setting("region", d.region()))
                .bucket(setting("bucket", d.bucket()))
                .partitions(Integer.parseInt(setting("partitions", "" + d.partitions())))
                .startTimeout(Duration.ofSeconds(Long.parseLong(
                        setting("start-timeout-seconds", "" + d.startTimeout().toSeconds()))))
                .build();
    }

    /** {@code atelier.stack.home}, else env {@code ATELIER_STACK_HOME}, else {@link #DEFAULT_STACK_HOME}. */
    public static Path defaultStackHome() {
        String home = System.getProperty(STACK_HOME_PROPERTY);
        if (home == null || home.isBlank()) {
            home = System.getenv("ATELIER_STACK_HOME");
        }
        return home == null || home.isBlank() ? DEFAULT_STACK_HOME : Path.of(home);
    }

    /** The broker's bootstrap address, {@code 127.0.0.1:kafkaPort}. */
    public String bootstrapServers() {
        return HOST + ":" + kafkaPort;
    }

    /** The S3 endpoint, {@code http://127.0.0.1:s3Port}. */
    public String s3Endpoint() {
        return "http://" + HOST + ":" + s3Port;
    }

    /** Where the servers write their output: {@code <dataDir>/logs}. */
    public Path logDir() {
        return dataDir.resolve("logs");
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Writes these settings as properties (so another class loader can {@link #load(Path)} them). */
    void store(Path file) {
        Properties p = new Properties();
        p.setProperty("data-dir", dataDir.toString());
        p.setProperty("home", stackHome.toString());
        p.setProperty("kafka-port", "" + kafkaPort);
        p.setProperty("controller-port", "" + controllerPort);
        p.setProperty("s3-port", "" + s3Port);
        p.setProperty("access-key", accessKey);
        p.setProperty("secret-key", secretKey);
        p.setProperty("region", region);
        p.setProperty("bucket", bucket);
        p.setProperty("partitions", "" + partitions);
        p.setProperty("start-timeout-seconds", "" + startTimeout.toSeconds());
        try (OutputStream out = Files.newOutputStream(file)) {
            p.store(out, "Atelier local stack settings");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads settings written by {@link #store(Path)}. */
    static StackSettings load(Path file) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return builder()
                .dataDir(Path.of(p.getProperty("data-dir")))
                .stackHome(Path.of(p.getProperty("home")))
                .kafkaPort(Integer.parseInt(p.getProperty("kafka-port")))
                .controllerPort(Integer.parseInt(p.getProperty("controller-port")))
                .s3Port(Integer.parseInt(p.getProperty("s3-port")))
                .accessKey(p.getProperty("access-key"))
                .secretKey(p.getProperty("secret-key"))
                .region(p.getProperty("region"))
                .bucket(p.getProperty("bucket"))
                .partitions(Integer.parseInt(p.getProperty("partitions")))
                .startTimeout(Duration.ofSeconds(Long.parseLong(p.getProperty("start-timeout-seconds"))))
                .build();
    }

    private static String setting(String name, String fallback) {
        String value = System.getProperty("atelier.stack." + name);
        if (value == null || value.isBlank()) {
            value = System.getenv("ATELIER_STACK_" + name.toUpperCase().replace('-', '_'));
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void requirePort(int port, String name) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(name + " out of range: " + port);
        }
    }

    /** Builds {@link StackSettings}; every setting has a default. */
    public static final class Builder {
        private Path dataDir = Path.of(".atelier", "stack");
        private Path stackHome = defaultStackHome();
        private int kafkaPort = 9092;
        private int controllerPort = 9093;
        private int s3Port = 9000;
        private String accessKey = "atelier";
        private String secretKey = "atelier-secret";
        private String region = "us-east-1";
        private String bucket = "atelier";
        private int partitions = 3;
        private Duration startTimeout = Duration.ofSeconds(60);

        private Builder() {}

        private Builder(StackSettings s) {
            dataDir = s.dataDir;
            stackHome = s.stackHome;
            kafkaPort = s.kafkaPort;
            controllerPort = s.controllerPort;
            s3Port = s.s3Port;
            accessKey = s.accessKey;
            secretKey = s.secretKey;
            region = s.region;
            bucket = s.bucket;
            partitions = s.partitions;
            startTimeout = s.startTimeout;
        }

        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        public Builder stackHome(Path stackHome) {
            this.stackHome = stackHome;
            return this;
        }

        public Builder kafkaPort(int kafkaPort) {
            this.kafkaPort = kafkaPort;
            return this;
        }

        public Builder controllerPort(int controllerPort) {
            this.controllerPort = controllerPort;
            return this;
        }

        public Builder s3Port(int s3Port) {
            this.s3Port = s3Port;
            return this;
        }

        /** Picks three free loopback ports (by binding port 0) for Kafka, its controller and S3. */
        public Builder freePorts() {
            try (ServerSocket a = freeSocket();
                    ServerSocket b = freeSocket();
                    ServerSocket c = freeSocket()) {
                kafkaPort = a.getLocalPort();
                controllerPort = b.getLocalPort();
                s3Port = c.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot find free ports on " + HOST, e);
            }
            return this;
        }

        public Builder accessKey(String accessKey) {
            this.accessKey = accessKey;
            return this;
        }

        public Builder secretKey(String secretKey) {
            this.secretKey = secretKey;
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder bucket(String bucket) {
            this.bucket = bucket;
            return this;
        }

        public Builder partitions(int partitions) {
            this.partitions = partitions;
            return this;
        }

        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = startTimeout;
            return this;
        }

        public StackSettings build() {
            return new StackSettings(
                    dataDir,
                    stackHome,
                    kafkaPort,
                    controllerPort,
                    s3Port,
                    accessKey,
                    secretKey,
                    region,
                    bucket,
                    partitions,
                    startTimeout);
        }

        private static ServerSocket freeSocket() throws IOException {
            ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST));
            socket.setReuseAddress(true);
            return socket;
        }
    }
}
