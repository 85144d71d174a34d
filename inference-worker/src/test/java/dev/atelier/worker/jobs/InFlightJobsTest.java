package dev.atelier.worker.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class InFlightJobsTest {
    private final InFlightJobs jobs = new InFlightJobs(Duration.ofSeconds(30));

    @Test
    void imageStreamsAreNotCachedInFilesThatAShutdownHookCloses() {
        assertThat(ImageIO.getUseCache()).isFalse();
    }

    @Test
    void anIdleWorkerStopsAtOnceAndStartsNothingAfterwards() throws Exception {
        assertThat(jobs.drain(Duration.ofSeconds(30))).isZero();

        assertThat(jobs.tryStart()).isFalse();
    }

    @Test
    void stoppingWaitsForTheRunningJobAndRefusesNewOnes() throws Exception {
        assertThat(jobs.tryStart()).isTrue();

        CompletableFuture<Integer> drained = CompletableFuture.supplyAsync(() -> drain(Duration.ofSeconds(30)));
        await().atMost(5, TimeUnit.SECONDS).until(jobs::stopping);

        assertThat(jobs.tryStart()).as("a job fetched while stopping").isFalse();
        assertThat(drained).isNotDone();
        jobs.finished();
        assertThat(drained.get(5, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void aJobStillRunningAtTheDeadlineIsReportedAndLeftBehind() throws Exception {
        assertThat(jobs.tryStart()).isTrue();
        assertThat(jobs.tryStart()).isTrue();
        jobs.finished();

        long start = System.nanoTime();
        int left = jobs.drain(Duration.ofMillis(200));

        assertThat(left).isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    private int drain(Duration timeout) {
        try {
            return jobs.drain(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
