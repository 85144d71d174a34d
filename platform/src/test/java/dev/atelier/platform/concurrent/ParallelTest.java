package dev.atelier.platform.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ParallelTest {
    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void theStepsRunAtTheSameTime() {
        // Each step waits for the other to have started: run one after the other, neither would ever see it.
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch second = new CountDownLatch(1);
        AtomicBoolean met = new AtomicBoolean();
        Parallel.run(
                executor,
                () -> {
                    first.countDown();
                    met.set(await(second));
                },
                () -> {
                    second.countDown();
                    await(first);
                });
        assertThat(met).isTrue();
    }

    @Test
    void allStepsFinishAndTheEarliestStepsFailureIsThrownAsItWas() {
        AtomicBoolean thirdRan = new AtomicBoolean();
        IllegalStateException quota = new IllegalStateException("quota");
        UncheckedIOException storage = new UncheckedIOException(new IOException("storage"));
        assertThatThrownBy(() -> Parallel.run(
                        executor,
                        () -> {
                            throw quota;
                        },
                        () -> {
                            throw storage;
                        },
                        () -> thirdRan.set(true)))
                .isSameAs(quota);
        assertThat(thirdRan).isTrue();

        assertThatThrownBy(() -> Parallel.run(executor, () -> {}, () -> {
                    throw storage;
                }))
                .isSameAs(storage);
    }

    @Test
    void joinGivesBackTheFuturesOwnException() {
        IllegalArgumentException cause = new IllegalArgumentException("bad");
        assertThatThrownBy(() -> Parallel.join(CompletableFuture.supplyAsync(
                        () -> {
                            throw cause;
                        },
                        executor)))
                .isSameAs(cause);
        assertThat(Parallel.join(CompletableFuture.supplyAsync(() -> 42, executor)))
                .isEqualTo(42);
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
