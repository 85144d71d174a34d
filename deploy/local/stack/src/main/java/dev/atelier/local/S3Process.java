package dev.atelier.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * A real S3 server, S3Proxy with its filesystem blob store, as its own process:
 * {@code java -jar <home>/s3proxy/s3proxy.jar --properties s3proxy.properties}. AWS v2/v4 authentication with the
 * settings' access and secret key.
 *
 * <p>Files under the data folder: {@code s3/s3proxy.properties} (rewritten at each start), {@code s3/blobs} (one
 * folder per bucket, one file per object: survives restarts), {@code s3/s3proxy.pid} and {@code logs/s3proxy.log}.
 */
public final class S3Process {
    private final StackSettings settings;
    private final Path home;
    private final Path config;
    private final ServerProcess process;

    /** An S3 server for these settings; nothing runs until {@link #start()}. */
    public S3Process(StackSettings settings) {
        this.settings = settings;
        this.home = settings.dataDir().resolve("s3");
        this.config = home.resolve("s3proxy.properties");
        this.process = new ServerProcess(
                "S3 server (S3Proxy)",
                home.resolve("s3proxy.pid"),
                settings.logDir().resolve("s3proxy.log"),
                config.toString());
    }

    /**
     * Starts S3Proxy and returns once its endpoint answers HTTP. A server already running on this folder (this
     * JVM's, or one an earlier JVM left behind) is stopped first.
     *
     * @throws IllegalStateException when the jar is missing or the server does not come up (the message carries
     *                               the end of {@link #logFile()})
     */
    public synchronized void start() {
        Path jar = ServerJars.s3proxyJar(settings);
        process.stop();
        writeConfig();
        process.launch(
                List.of(
                        ServerProcess.javaExecutable(),
                        "-Xms32m",
                        "-Xmx256m",
                        "-XX:+UseSerialGC",
                        "-XX:+ExitOnOutOfMemoryError",
                        "-Djava.awt.headless=true",
                        "-jar",
                        jar.toString(),
                        "--properties",
                        config.toString()),
                home);
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        process.awaitReady(() -> answers(http), settings.startTimeout());
    }

    /** Stops the server cleanly (SIGTERM, then SIGKILL after 30 s). No-op when it is not running. */
    public void stop() {
        process.stop();
    }

    /** Kills the server with SIGKILL, as a crash would. No-op when it is not running. */
    public void kill() {
        process.kill();
    }

    /** Whether the server's process runs (it may still be starting). */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String endpoint() {
        return settings.s3Endpoint();
    }

    /** The server's output: {@code <data>/logs/s3proxy.log}. */
    public Path logFile() {
        return process.logFile();
    }

    /** Any HTTP answer (an anonymous request gets 403) means Jetty is up. */
    private boolean answers(HttpClient http) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint() + "/"))
                    .timeout(Duration.ofSeconds(1))
                    .GET()
                    .build();
            http.send(request, HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the S3 server", e);
        } catch (IOException e) {
            return false;
        }
    }

    private void writeConfig() {
        Path blobs = home.resolve("blobs");
        Properties p = new Properties();
        p.setProperty("s3proxy.endpoint", endpoint());
        p.setProperty("s3proxy.authorization", "aws-v2-or-v4");
        p.setProperty("s3proxy.identity", settings.accessKey());
        p.setProperty("s3proxy.credential", settings.secretKey());
        p.setProperty("jclouds.provider", "filesystem-nio2");
        p.setProperty("jclouds.identity", settings.accessKey());
        p.setProperty("jclouds.credential", settings.secretKey());
        p.setProperty("jclouds.filesystem.basedir", blobs.toString());
        try {
            Files.createDirectories(blobs);
            try (var out = Files.newBufferedWriter(config)) {
                p.store(out, "Written by dev.atelier.local.S3Process at each start");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + config, e);
        }
    }
}
