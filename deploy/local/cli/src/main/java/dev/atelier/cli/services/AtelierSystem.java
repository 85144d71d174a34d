package dev.atelier.cli.services;

import dev.atelier.local.Stack;
import dev.atelier.local.StackSettings;
import dev.atelier.platform.storage.ObjectStore;
import dev.atelier.platform.storage.S3Settings;
import dev.atelier.platform.tenants.ApiKeys;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system on one machine: Kafka and the S3 server (the local stack) and the three services
 * as child processes, started in dependency order and stopped in reverse.
 */
public final class AtelierSystem implements AutoCloseable {
    public static final String GATEWAY = "gateway-service";
    public static final String WORKER = "inference-worker";
    public static final String TRAINER = "trainer-service";
    /** The tenant of the key {@code up} and {@code demo} issue and print. */
    public static final String DEMO_TENANT = "demo";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    /**
     * The worker's heap: images and the tile band live there (a 40 MP photo needs about 0.5 GB); its models' memory is
     * native and bounded by tiles (atelier.worker.memory-budget).
     */
    public static final String WORKER_HEAP = "1g";

    private final Stack stack;
    private final List<ServiceProcess> services = new ArrayList<>();
    private String demoKey;
    private ServiceSupervisor supervisor;

    private AtelierSystem(Stack stack) {
        this.stack = stack;
    }

    public static AtelierSystem start(SystemLayout layout, PrintStream out) throws Exception {
        return start(layout, out, Map.of());
    }

    /**
     * @param serviceConfig extra configuration per service module ({@link #GATEWAY}, {@link #WORKER}, {@link #TRAINER}),
     *     passed to it as {@code -Dkey=value} after the stack's
     */
    public static AtelierSystem start(
            SystemLayout layout, PrintStream out, Map<String, Map<String, String>> serviceConfig) throws Exception {
        out.println("Starting Kafka and the S3 server (data in " + layout.stackData() + ") ...");
        Stack stack = Stack.start(StackSettings.builder()
                .dataDir(layout.stackData())
                .stackHome(layout.stackHome())
                .kafkaPort(layout.kafkaPort())
                .controllerPort(layout.kafkaControllerPort())
                .s3Port(layout.s3Port())
                .build());
        AtelierSystem system = new AtelierSystem(stack);
        try {
            out.println("  Kafka " + stack.bootstrapServers() + ", S3 " + stack.s3Endpoint());
            system.startServices(layout, out, serviceConfig);
            system.demoKey = system.issueKey(DEMO_TENANT);
            return system;
        } catch (Exception e) {
            system.close();
            throw e;
        }
    }

    private void startServices(SystemLayout layout, PrintStream out, Map<String, Map<String, String>> serviceConfig)
            throws Exception {
        out.println("Starting the services (logs in " + layout.logs() + ") ...");
        services.add(ServiceProcess.start(
                layout.home(), GATEWAY, layout.gatewayPort(), config(GATEWAY, serviceConfig), layout.logs(), "512m"));
        services.add(ServiceProcess.start(
                layout.home(), WORKER, layout.workerPort(), config(WORKER, serviceConfig), layout.logs(), WORKER_HEAP));
        services.add(ServiceProcess.start(
                layout.home(), TRAINER, layout.trainerPort(), config(TRAINER, serviceConfig), layout.logs(), "512m"));
        for (ServiceProcess service : services) {
            service.awaitReady(READY_TIMEOUT);
            out.println("  " + service.name() + " ready at " + service.baseUrl());
        }
    }

    /**
     * Starts one more worker beside the first (same configuration, its own port and log folder), stopped with the
     * system: for measuring how throughput scales with workers.
     */
    public synchronized ServiceProcess startAnotherWorker(
            SystemLayout layout, int port, Path logDir, Map<String, Map<String, String>> serviceConfig)
            throws Exception {
        ServiceProcess worker =
                ServiceProcess.start(layout.home(), WORKER, port, config(WORKER, serviceConfig), logDir, WORKER_HEAP);
        services.add(worker);
        worker.awaitReady(READY_TIMEOUT);
        return worker;
    }

    /** Issues an API key for a tenant straight into the stack's S3 server (where every gateway looks keys up). */
    public String issueKey(String tenant) {
        try (ObjectStore store = ObjectStore.connect(new S3Settings(
                stack.s3Endpoint(), stack.accessKey(), stack.secretKey(), stack.region(), stack.bucket()))) {
            return new ApiKeys(store, Clock.systemUTC()).issue(tenant).key();
        }
    }

    /** The key of tenant {@value #DEMO_TENANT}, issued at start. */
    public String demoKey() {
        return demoKey;
    }

    private Map<String, String> config(String module, Map<String, Map<String, String>> serviceConfig) {
        Map<String, String> config = new LinkedHashMap<>(stack.quarkusConfig());
        config.put(
                "quarkus.swagger-ui.enabled",
                "true"); // a developer's machine: the API docs are served (off in production)
        config.putAll(serviceConfig.getOrDefault(module, Map.of()));
        return config;
    }

    public Stack stack() {
        return stack;
    }

    public String gatewayUrl() {
        return service(GATEWAY).baseUrl();
    }

    /** The running service of that module ({@link #GATEWAY}, {@link #WORKER}, {@link #TRAINER}). */
    public ServiceProcess service(String module) {
        return services.stream()
                .filter(s -> s.name().equals(module))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + module));
    }

    public List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    /** From now on a service that dies is restarted (with back-off, said on {@code out}) until {@link #close()}. */
    public synchronized void supervise(PrintStream out) {
        if (supervisor == null) {
            supervisor = ServiceSupervisor.watch(
                    services, out, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(1));
        }
    }

    /** Stops the supervisor, then all services side by side (SIGTERM, a forced kill after 20 s), then the stack. */
    @Override
    public synchronized void close() {
        if (supervisor != null) {
            supervisor.close();
        }
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).requestStop();
        }
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        stack.close();
    }
}
