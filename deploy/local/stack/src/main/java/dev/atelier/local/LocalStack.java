package dev.atelier.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;

/**
 * The local stack as two OS processes: a real Kafka broker ({@link #kafka()}) and a real S3 server ({@link #s3()}),
 * both on loopback ports, both keeping their data under {@link StackSettings#dataDir()}; started without Docker from
 * the jars {@code deploy/local} builds. Either can be stopped, killed and started again on its own.
 *
 * <pre>{@code
 * try (LocalStack stack = LocalStack.start(StackSettings.builder().dataDir(dir).freePorts().build())) {
 *     stack.bootstrapServers();   // 127.0.0.1:port, topics created
 *     stack.s3Endpoint();         // http://127.0.0.1:port, bucket created
 *     stack.kafka().kill();       // SIGKILL, as in a crash
 *     stack.kafka().start();      // same data dir: same topics and offsets
 * }
 * }</pre>
 */
public final class LocalStack implements Stack {
    private static final String SETTINGS_FILE = "stack.properties";

    private final StackSettings settings;
    private final KafkaProcess kafka;
    private final S3Process s3;

    private LocalStack(StackSettings settings) {
        this.settings = settings;
        this.kafka = new KafkaProcess(settings);
        this.s3 = new S3Process(settings);
    }

    /**
     * Starts both servers (in parallel) and creates the Atelier topics and the bucket where missing. Returns once
     * both answer.
     *
     * @throws IllegalStateException when the jars are missing (build {@code deploy/local}) or a server does not
     *                               come up; the message names the log file
     */
    public static LocalStack start(StackSettings settings) {
        LocalStack stack = new LocalStack(settings);
        try {
            Files.createDirectories(settings.dataDir());
            settings.store(settings.dataDir().resolve(SETTINGS_FILE));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write to " + settings.dataDir(), e);
        }
        CompletableFuture<Void> s3Started = CompletableFuture.runAsync(
                () -> {
                    stack.s3.start();
                    Provisioning.createBucket(stack);
                },
                runnable -> new Thread(runnable, "atelier-s3-start").start());
        try {
            stack.kafka.start();
            Provisioning.createTopics(stack.bootstrapServers(), settings.partitions(), settings.startTimeout());
            s3Started.join();
        } catch (RuntimeException e) {
            RuntimeException failure =
                    e instanceof CompletionException && e.getCause() instanceof RuntimeException r ? r : e;
            try {
                s3Started.exceptionally(ignored -> null).join();
            } finally {
                stack.stop();
            }
            throw failure;
        }
        return stack;
    }

    /**
     * A handle on a stack another JVM or class loader started on {@code dataDir}: same settings (read from the
     * folder), its processes found by their pid files. Starts nothing.
     */
    public static LocalStack attach(Path dataDir) {
        Path file = dataDir.resolve(SETTINGS_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no local stack in " + dataDir + " (" + SETTINGS_FILE + " missing)");
        }
        return new LocalStack(StackSettings.load(file));
    }

    /** The broker, to stop, kill or start it again. */
    public KafkaProcess kafka() {
        return kafka;
    }

    /** The S3 server, to stop, kill or start it again. */
    public S3Process s3() {
        return s3;
    }

    /** The settings the stack runs with. */
    @Override
    public StackSettings settings() {
        return settings;
    }

    @Override
    public String bootstrapServers() {
        return settings.bootstrapServers();
    }

    @Override
    public String s3Endpoint() {
        return settings.s3Endpoint();
    }

    /** Starts whichever server is not running (say, one a test killed), on the same data. */
    public void ensureRunning() {
        if (!s3.isAlive()) {
            s3.start();
        }
        if (!kafka.isAlive()) {
            kafka.start();
        }
    }

    /** Stops both servers cleanly (in parallel); their data stays. */
    public void stop() {
        CompletableFuture<Void> s3Stopped =
                CompletableFuture.runAsync(s3::stop, runnable -> new Thread(runnable, "atelier-s3-stop").start());
        try {
            kafka.stop();
        } finally {
            s3Stopped.join();
        }
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /** Where things are, a few lines for a person to read. */
    public String describe() {
        return "Kafka       " + bootstrapServers() + "\n"
                + "S3          " + s3Endpoint() + "  bucket " + bucket() + "  access key " + accessKey()
                + "  secret key " + secretKey() + "  region " + region() + "\n"
                + "Data        " + settings.dataDir() + "\n"
                + "Logs        " + kafka.logFile() + ", " + s3.logFile();
    }

    /**
     * Starts the stack with {@link StackSettings#fromSystem()} (system properties {@code atelier.stack.*} or env
     * {@code ATELIER_STACK_*}), prints where it is and runs until Ctrl-C, which stops both servers.
     */
    public static void main(String[] args) throws InterruptedException {
        StackSettings settings = StackSettings.fromSystem();
        long started = System.nanoTime();
        LocalStack stack = LocalStack.start(settings);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("Stopping the local stack ...");
                            stack.stop();
                        },
                        "atelier-local-stack-stop"));
        System.out.printf(
                "Local stack up in %.1f s%n%s%nCtrl-C stops it.%n",
                (System.nanoTime() - started) / 1e9, stack.describe());
        new CountDownLatch(1).await();
    }
}
