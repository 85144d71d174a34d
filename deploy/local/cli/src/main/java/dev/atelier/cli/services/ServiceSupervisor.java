package dev.atelier.cli.services;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Restarts a service of the local system that died (a crash, the out-of-memory killer, a {@code kill -9}), as
 * Kubernetes restarts a pod: after a back-off that doubles with each restart in a row, and says so. A service that
 * then stays up for {@link #STABLE} counts as recovered and its back-off starts again from the first step. Jobs
 * are not lost meanwhile: Kafka keeps the requests a dead worker had not acknowledged.
 */
public final class ServiceSupervisor implements AutoCloseable {
    /** How long a service must stay up for its next crash to be restarted after the first back-off step again. */
    static final Duration STABLE = Duration.ofSeconds(60);

    private final List<ServiceProcess> services;
    private final PrintStream out;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final ScheduledExecutorService timer;
    private final Map<ServiceProcess, Integer> restartsInARow = new HashMap<>();
    private final Map<ServiceProcess, Instant> launchedAt = new HashMap<>();
    private final Map<ServiceProcess, Instant> restartDue = new HashMap<>();

    private ServiceSupervisor(
            List<ServiceProcess> services, PrintStream out, Duration firstBackoff, Duration maxBackoff) {
        this.services = List.copyOf(services);
        this.out = out;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "atelier-supervisor");
            thread.setDaemon(true);
            return thread;
        });
        Instant now = Instant.now();
        this.services.forEach(service -> launchedAt.put(service, now));
    }

    /** Watches the services from now on, checking about every {@code period}. */
    public static ServiceSupervisor watch(
            List<ServiceProcess> services,
            PrintStream out,
            Duration firstBackoff,
            Duration maxBackoff,
            Duration period) {
        ServiceSupervisor supervisor = new ServiceSupervisor(services, out, firstBackoff, maxBackoff);
        supervisor.timer.scheduleWithFixedDelay(
                supervisor::check, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return supervisor;
    }

    private synchronized void check() {
        Instant now = Instant.now();
        for (ServiceProcess service : services) {
            if (service.isAlive()) {
                if (Duration.between(launchedAt.get(service), now).compareTo(STABLE) >= 0) {
                    restartsInARow.remove(service);
                }
                continue;
            }
            Instant due = restartDue.get(service);
            if (due == null) {
                int restarts = restartsInARow.merge(service, 1, Integer::sum);
                Duration wait = backoff(restarts);
                restartDue.put(service, now.plus(wait));
                out.printf(
                        Locale.ROOT,
                        "%s exited (code %d); restarting it in %.1f s (restart %d in a row; log %s)%n",
                        service.name(),
                        service.exitCode(),
                        wait.toMillis() / 1000.0,
                        restarts,
                        service.log());
            } else if (!now.isBefore(due)) {
                restartDue.remove(service);
                try {
                    service.relaunch();
                    launchedAt.put(service, now);
                    out.printf("%s restarted%n", service.name());
                } catch (IOException | IllegalStateException e) {
                    out.printf("%s could not be restarted: %s%n", service.name(), e.getMessage());
                }
            }
        }
    }

    /** {@code firstBackoff} doubled for each restart in a row after the first, at most {@code maxBackoff}. */
    Duration backoff(int restartsInARow) {
        Duration wait = firstBackoff.multipliedBy(1L << Math.min(restartsInARow - 1, 20));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    /** Stops watching: services stopped after this stay stopped. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
