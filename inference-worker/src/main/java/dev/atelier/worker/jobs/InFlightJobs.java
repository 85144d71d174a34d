package dev.atelier.worker.jobs;

import dev.atelier.worker.config.WorkerConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.jboss.logging.Logger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Lets the jobs that are running finish when the worker is told to stop (SIGTERM on Kubernetes
 * scale-in or rollout, SIGINT), and starts no new one; only then does the JVM shut down. This cannot be
 * a shutdown hook or a Quarkus shutdown observer: ONNX Runtime closes its environment from its own JVM
 * shutdown hook, which runs beside Quarkus', and a running inference then crashes the JVM (SIGSEGV in
 * libonnxruntime, seen on the 2048x1536 job of docs/deploy.md). So the signal is caught first, the jobs
 * drain for at most {@code atelier.worker.shutdown-wait}, and the JVM's own handling of the signal runs
 * after. A job not started, or still running at the deadline, stays uncommitted and is redelivered.
 *
 * <p>It also turns ImageIO's disk cache off: ImageIO closes its file-cached streams from another JVM
 * shutdown hook, which made a job decoding or encoding at that moment fail for good ("cannot decode
 * image: closed"). The images are in memory anyway.
 */
@Singleton
public class InFlightJobs {
    private static final Logger LOG = Logger.getLogger(InFlightJobs.class);

    private final Duration shutdownWait;
    private int running;
    private boolean stopping;

    @Inject
    public InFlightJobs(WorkerConfig config) {
        this(config.shutdownWait());
    }

    InFlightJobs(Duration shutdownWait) {
        this.shutdownWait = shutdownWait;
        ImageIO.setUseCache(false);
    }

    /** @return true when the job may run (call {@link #finished()} after it), false once the worker is stopping */
    public synchronized boolean tryStart() {
        if (stopping) {
            return false;
        }
        running++;
        return true;
    }

    public synchronized void finished() {
        running--;
        notifyAll();
    }

    synchronized boolean stopping() {
        return stopping;
    }

    /** Refuses new jobs and waits up to {@code timeout} for the running ones; returns how many still run. */
    public synchronized int drain(Duration timeout) throws InterruptedException {
        stopping = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        for (long left = timeout.toNanos(); running > 0 && left > 0; left = deadline - System.nanoTime()) {
            wait(Math.max(1, left / 1_000_000));
        }
        return running;
    }

    /** Puts the drain in front of the JVM's handling of SIGTERM and SIGINT. */
    void onStart(@Observes StartupEvent event) {
        for (String name : new String[] {"TERM", "INT"}) {
            Signal signal = new Signal(name);
            SignalHandler[] previous = new SignalHandler[1];
            previous[0] = Signal.handle(signal, s -> drainThenStop(s, previous[0]));
        }
    }

    private void drainThenStop(Signal signal, SignalHandler previous) {
        int before;
        synchronized (this) {
            before = running;
        }
        LOG.infof(
                "SIG%s: starting no new job; waiting up to %s for %d running job(s)",
                signal.getName(), shutdownWait, before);
        try {
            int left = drain(shutdownWait);
            if (left > 0) {
                LOG.warnf(
                        "stopping with %d job(s) still running after %s; they stay uncommitted and are redelivered",
                        left, shutdownWait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (previous == null || previous == SignalHandler.SIG_DFL || previous == SignalHandler.SIG_IGN) {
            System.exit(128 + signal.getNumber());
        } else {
            previous.handle(signal);
        }
    }
}
