package dev.atelier.trainer.requests;

import dev.atelier.trainer.config.TrainerConfig;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The trainer as a Kubernetes Job (one per request, started by a KEDA ScaledJob on the requests' lag):
 * it admits the first training request only, exits 0 once that training is final and acknowledged,
 * and exits 0 too when no request comes within {@code atelier.trainer.job.idle-exit}. A request it
 * does not admit stays uncommitted, so another trainer takes it. Outside job mode it admits everything.
 */
@ApplicationScoped
public class JobMode {
    private static final Logger LOG = Logger.getLogger(JobMode.class);

    private final TrainerConfig.Job config;
    private final AtomicBoolean taken = new AtomicBoolean();
    private ScheduledExecutorService idleTimer;

    JobMode(TrainerConfig config) {
        this.config = config.job();
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        LOG.infof(
                "job mode: this trainer trains one request and exits; it exits after %s if none arrives",
                config.idleExit());
        idleTimer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "atelier-job-idle-exit");
            thread.setDaemon(true);
            return thread;
        });
        idleTimer.schedule(
                () -> {
                    if (taken.compareAndSet(false, true)) {
                        LOG.infof("job mode: no training request within %s; exiting", config.idleExit());
                        Quarkus.asyncExit(0);
                    }
                },
                config.idleExit().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Whether this trainer may take a request: always outside job mode, only the first one in it. */
    boolean admit() {
        return !config.enabled() || taken.compareAndSet(false, true);
    }

    /** The admitted training is final and its request acknowledged: in job mode, the Job is done. */
    void finished(String trainingId) {
        if (config.enabled()) {
            LOG.infof("job mode: training %s is final; exiting", trainingId);
            Quarkus.asyncExit(0);
        }
    }

    @PreDestroy
    void stop() {
        if (idleTimer != null) {
            idleTimer.shutdownNow();
        }
    }
}
