package dev.atelier.platform.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

/**
 * Independent steps of one request run side by side, so that their round trips (S3, Kafka) overlap instead of adding
 * up. Failures come back as the steps threw them, never wrapped, so callers keep handling the exceptions they know.
 */
public final class Parallel {
    private Parallel() {}

    /**
     * Runs the first step on the calling thread and the others on {@code executor}, waits for all of them, and then
     * throws the failure of the earliest step that failed (the order of the arguments is the order of precedence).
     */
    public static void run(Executor executor, Runnable first, Runnable... others) {
        List<CompletableFuture<Void>> started = new ArrayList<>();
        for (Runnable step : others) {
            started.add(CompletableFuture.runAsync(step, executor));
        }
        RuntimeException failure = null;
        try {
            first.run();
        } catch (RuntimeException e) {
            failure = e;
        }
        for (CompletableFuture<Void> step : started) {
            try {
                join(step);
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Waits for the future; its own exception when it failed (unchecked ones as they are, others wrapped). */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for a parallel step");
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
    }

    private static RuntimeException unwrap(Throwable cause) {
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new CompletionException(cause);
    }
}
