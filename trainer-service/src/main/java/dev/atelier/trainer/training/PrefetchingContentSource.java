package dev.atelier.trainer.training;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Cuts the next batch on a background thread while the current step computes, so that decoding photos
 * does not hold up the device. For a constant batch size, batches come out in the same order, and so with the
 * same content, as from the wrapped source, which is only ever called by one thread at a time. What the wrapped source throws is rethrown by the {@link #next} that would have returned
 * that batch. Close it to stop the thread.
 */
public final class PrefetchingContentSource implements ContentSource, AutoCloseable {
    private final ContentSource source;
    private final ExecutorService executor;
    private Future<ImageBatch> pending;
    private int pendingSize;

    public PrefetchingContentSource(ContentSource source) {
        this.source = source;
        this.executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "atelier-content-prefetch");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public ImageBatch next(int batchSize) {
        ImageBatch batch = pending == null ? null : await(pending); // never two calls of the source at once
        if (batch == null || pendingSize != batchSize) {
            batch = source.next(batchSize);
        }
        pending = executor.submit(() -> source.next(batchSize));
        pendingSize = batchSize;
        return batch;
    }

    private static ImageBatch await(Future<ImageBatch> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for content photos", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
