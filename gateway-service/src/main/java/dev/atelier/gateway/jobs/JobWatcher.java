package dev.atelier.gateway.jobs;

import dev.atelier.contracts.jobs.JobRecord;
import dev.atelier.gateway.events.JobEventsFeed;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * A job's states as they change, read from its record whenever {@code atelier.stylize.events} mentions
 * it, and every {@link #POLL} besides: a cancellation by a gateway, or an event this replica missed, is
 * seen within that time. The watch starts before the first read, so no change falls between them; a job
 * that ran and finished between two reads still shows its RUNNING state, rebuilt from the final record.
 */
@Singleton
public class JobWatcher {
    static final Duration POLL = Duration.ofSeconds(2);
    private static final Logger LOG = Logger.getLogger(JobWatcher.class);

    private final JobStore jobs;
    private final JobEventsFeed feed;
    private final ScheduledExecutorService readers;

    JobWatcher(JobStore jobs, JobEventsFeed feed) {
        this.jobs = jobs;
        this.feed = feed;
        AtomicInteger count = new AtomicInteger();
        this.readers = Executors.newScheduledThreadPool(2, task -> {
            Thread thread = new Thread(task, "atelier-job-watch-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Each state of the job after {@code after} (null: from the current one), ending with the final state.
     * S3 is read on the watcher's threads, never on the caller's.
     */
    public Multi<JobRecord> changes(String tenant, String id, JobProgress after) {
        return Multi.createFrom().emitter(emitter -> {
            Object lock = new Object();
            JobProgress[] last = {after};
            boolean[] done = {false};
            Runnable check = () -> {
                synchronized (lock) {
                    if (done[0]) {
                        return;
                    }
                    try {
                        JobRecord record = jobs.find(tenant, id).orElse(null);
                        if (record == null) {
                            return;
                        }
                        JobProgress progress = JobProgress.of(record);
                        if (record.status().isFinal() && (last[0] == null || last[0].stage() < 2)) {
                            // A job that ran and finished between two reads: its RUNNING state is still news.
                            record.whileRunning()
                                    .filter(r ->
                                            last[0] == null || JobProgress.of(r).isAfter(last[0]))
                                    .ifPresent(running -> {
                                        last[0] = JobProgress.of(running);
                                        emitter.emit(running);
                                    });
                        }
                        if (last[0] == null || progress.isAfter(last[0])) {
                            last[0] = progress;
                            emitter.emit(record);
                        }
                        if (record.status().isFinal()) {
                            done[0] = true;
                            emitter.complete();
                        }
                    } catch (RuntimeException e) {
                        LOG.debugf(
                                "job %s: reading its record failed, retried on the next poll: %s", id, e.getMessage());
                    }
                }
            };
            Runnable unwatch = feed.watch(id, () -> readers.execute(check));
            ScheduledFuture<?> poll = readers.scheduleWithFixedDelay(check, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
            emitter.onTermination(() -> {
                unwatch.run();
                poll.cancel(false);
            });
        });
    }

    @PreDestroy
    void stop() {
        readers.shutdownNow();
    }
}
