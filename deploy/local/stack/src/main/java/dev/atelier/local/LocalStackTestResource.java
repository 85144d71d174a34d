package dev.atelier.local;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Quarkus test resource: one stack per test JVM, started by the first test class that needs it, reused by the
 * others, stopped when the JVM exits. {@code @WithTestResource(LocalStackTestResource.class)} (or
 * {@code @QuarkusTestResource}) hands the application {@link Stack#quarkusConfig()}.
 *
 * <p>The stack runs on free loopback ports with its data in a new folder under {@code target/local-stack/} (kept,
 * with its logs, for a look after a failure; {@code java.io.tmpdir} when there is no {@code target/}, then deleted).
 * Kind: {@code atelier.stack} ({@code process} by default, or {@code testcontainers}).
 *
 * <p>Tests reach the running stack with {@link #stack()}, and the processes, to kill or restart one, with
 * {@link #localStack()}. Plain JUnit tests may call them too. Several class loaders (Quarkus restarts) share one
 * process stack: it is found again through the system property {@value #SHARED_DATA_DIR_PROPERTY}.
 */
public class LocalStackTestResource implements QuarkusTestResourceLifecycleManager {
    /** System property holding the data folder of the process stack this JVM runs. */
    public static final String SHARED_DATA_DIR_PROPERTY = "atelier.stack.shared-data-dir";

    private static Stack stack;

    /** Starts the stack, or reuses the running one (restarting a server an earlier test left stopped). */
    @Override
    public Map<String, String> start() {
        Stack current = stack();
        if (current instanceof LocalStack local) {
            local.ensureRunning();
        }
        return current.quarkusConfig();
    }

    /** Leaves the stack running for the next test class; it stops when the JVM exits. */
    @Override
    public void stop() {}

    /** The JVM's stack, started on first use. */
    public static Stack stack() {
        // A string literal is one object in the whole JVM, whichever class loader loaded this class.
        synchronized (SHARED_DATA_DIR_PROPERTY) {
            if (stack == null) {
                String shared = System.getProperty(SHARED_DATA_DIR_PROPERTY);
                stack = shared != null ? LocalStack.attach(Path.of(shared)) : startShared();
            }
            return stack;
        }
    }

    /**
     * The JVM's stack as processes, to stop, kill or restart the broker or the S3 server.
     *
     * @throws IllegalStateException when {@code atelier.stack=testcontainers}
     */
    public static LocalStack localStack() {
        if (stack() instanceof LocalStack local) {
            return local;
        }
        throw new IllegalStateException("the stack runs in containers (" + Stack.KIND_PROPERTY
                + "=testcontainers): there are no processes to kill or restart");
    }

    private static Stack startShared() {
        Path target = Path.of("target");
        boolean keep = Files.isDirectory(target);
        Path dataDir;
        try {
            Path base = keep ? target.resolve("local-stack") : Path.of(System.getProperty("java.io.tmpdir"));
            Files.createDirectories(base);
            dataDir = Files.createTempDirectory(base, "stack-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a data folder for the local stack", e);
        }
        StackSettings settings =
                StackSettings.builder().dataDir(dataDir).freePorts().build();
        Stack started = Stack.start(settings);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            started.close();
                            if (!keep) {
                                deleteQuietly(settings.dataDir());
                            }
                        },
                        "atelier-local-stack-stop"));
        if (started instanceof LocalStack) {
            System.setProperty(SHARED_DATA_DIR_PROPERTY, settings.dataDir().toString());
        }
        return started;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // best effort: it is a temporary folder
        }
    }
}
