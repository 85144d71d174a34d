package dev.atelier.cli.services;

import dev.atelier.cli.SystemOptions;
import dev.atelier.local.Stack;
import dev.atelier.local.StackSettings;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system on one machine: Kafka and the S3 server (the local stack) and the three services
 * as child processes, started in dependency order and stopped in reverse.
 */
public final class AtelierSystem implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final Stack stack;
    private final List<ServiceProcess> services = new ArrayList<>();
    private ServiceProcess gateway;

    private AtelierSystem(Stack stack) {
        this.stack = stack;
    }

    public static AtelierSystem start(SystemOptions options, PrintStream out) throws Exception {
        out.println("Starting Kafka and the S3 server (data in " + options.dataDir() + ") ...");
        Stack stack = Stack.start(StackSettings.builder()
                .dataDir(options.dataDir().resolve("stack"))
                .kafkaPort(options.kafkaPort())
                .s3Port(options.s3Port())
                .stackHome(options.home().resolve("deploy/local/target/stack"))
                .build());
        AtelierSystem system = new AtelierSystem(stack);
        try {
            out.println("  Kafka " + stack.bootstrapServers() + ", S3 " + stack.s3Endpoint());
            system.startServices(options, out);
            return system;
        } catch (Exception e) {
            system.close();
            throw e;
        }
    }

    private void startServices(SystemOptions options, PrintStream out) throws Exception {
        Map<String, String> config = new HashMap<>(stack.quarkusConfig());
        var logs = options.dataDir().resolve("logs");
        out.println("Starting the services (logs in " + logs + ") ...");
        gateway = ServiceProcess.start(options.home(), "gateway-service", options.gatewayPort(), config, logs, "512m");
        services.add(gateway);
        services.add(ServiceProcess.start(options.home(), "inference-worker", options.workerPort(), config, logs, "2g"));
        services.add(ServiceProcess.start(options.home(), "trainer-service", options.trainerPort(), config, logs, "512m"));
        for (ServiceProcess service : services) {
            service.awaitReady(READY_TIMEOUT);
            out.println("  " + service.name() + " ready at " + service.baseUrl());
        }
    }

    public Stack stack() {
        return stack;
    }

    public String gatewayUrl() {
        return gateway.baseUrl();
    }

    public List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    @Override
    public void close() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        stack.close();
    }
}
