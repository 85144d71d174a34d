package dev.atelier.trainer.runs;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Tells a running training that the service is stopping, so it ends at its next step (and resumes
 * from its checkpoint in the next trainer) instead of holding up the shutdown for hours.
 */
@Singleton
public class ShutdownSignal {
    private final CountDownLatch stopping = new CountDownLatch(1);

    void onShutdown(@Observes ShutdownEvent event) {
        stopping.countDown();
    }

    public boolean isStopping() {
        return stopping.getCount() == 0;
    }

    /** Waits, but not past the start of a shutdown; true when stopping. */
    public boolean sleep(Duration duration) {
        try {
            return stopping.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
