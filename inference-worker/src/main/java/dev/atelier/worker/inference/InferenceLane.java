package dev.atelier.worker.inference;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.atelier.contracts.models.ModelManifest;
import dev.atelier.imaging.ImageTensor;
import java.nio.FloatBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Where the models run: one run at a time, on the lane's own thread, in the order the jobs ask, so that jobs running
 * side by side overlap their reading, decoding, encoding and storing with the model, not their inference. Requests
 * for the same model session and image size that wait together run as one batch of at most {@code batchSize},
 * waiting at most {@code batchWait} for it to fill (Triton's dynamic batcher does the same); each image's result is
 * its slice of the batch's output, computed as if alone (instance norm is per image). A batch of 1 never waits.
 *
 * <p>The caller keeps the model open (its lease) while it waits: a request is run only while its caller waits for
 * it, and a caller interrupted meanwhile either takes its request back out of the queue or waits for the run to end.
 */
public final class InferenceLane implements AutoCloseable {
    private final OrtEnvironment environment;
    private final int batchSize;
    private final long batchWaitNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final ArrayDeque<Request> queue = new ArrayDeque<>();
    private final Thread thread;
    private boolean closed;

    /**
     * @param batchSize the most images run as one batch (1: none batched)
     * @param batchWait the longest a batch waits to fill, from the moment its first request is taken
     */
    public InferenceLane(OrtEnvironment environment, int batchSize, Duration batchWait) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
        }
        this.environment = environment;
        this.batchSize = batchSize;
        this.batchWaitNanos = batchWait.toNanos();
        this.thread = new Thread(this::loop, "atelier-inference-lane");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** What the model made of one image, the time this request waited for the lane, and its share of the run. */
    public record Ran(ImageTensor output, long waitedNanos, long runNanos, int batch) {}

    /**
     * Runs the model on one image (1 x 3 x height x width), in a batch with others of its size when they wait too.
     *
     * @param maxBatchPixels the most pixels a batch with this image may hold: what the memory budget lets one run of
     *     this model take (a batch's activations grow with its images)
     */
    public Ran run(LoadedModel model, ImageTensor input, long maxBatchPixels)
            throws OrtException, InterruptedException {
        Single request = new Single(model, input, maxBatchPixels, System.nanoTime(), new CompletableFuture<>());
        return await(request, request.result());
    }

    /** Runs work alone on the lane (a photo in tiles): no other model run happens meanwhile. */
    public <T> T exclusive(Callable<T> work) throws OrtException, InterruptedException {
        Exclusive<T> request = new Exclusive<>(work, new CompletableFuture<>());
        return await(request, request.result());
    }

    private <T> T await(Request request, CompletableFuture<T> result) throws OrtException, InterruptedException {
        enqueue(request);
        try {
            return unwrap(result, false);
        } catch (InterruptedException interrupted) {
            if (withdraw(request)) {
                throw interrupted;
            }
            // Taken already: the model is in use on the lane's thread until the run ends, and the caller's lease on
            // it must outlast that, so the caller waits (uninterruptibly), then learns it was interrupted.
            try {
                unwrap(result, true);
            } catch (OrtException | RuntimeException ignored) {
                // The caller stops anyway.
            }
            Thread.currentThread().interrupt();
            throw interrupted;
        }
    }

    private static <T> T unwrap(CompletableFuture<T> result, boolean uninterruptibly)
            throws OrtException, InterruptedException {
        try {
            return uninterruptibly ? result.join() : result.get();
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof OrtException ort) {
                throw ort;
            } else if (cause instanceof RuntimeException runtime) {
                throw runtime;
            } else if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    private void enqueue(Request request) {
        lock.lock();
        try {
            if (closed) {
                throw new ClosedException();
            }
            queue.add(request);
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private boolean withdraw(Request request) {
        lock.lock();
        try {
            return queue.remove(request);
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        while (true) {
            List<Request> next;
            try {
                next = next();
            } catch (InterruptedException e) {
                return; // nothing interrupts the lane's thread; should something, the lane ends
            }
            if (next == null) {
                return; // closed
            }
            if (next.get(0) instanceof Exclusive<?> exclusive) {
                exclusive.execute();
            } else {
                List<Single> batch = new ArrayList<>();
                next.forEach(request -> batch.add((Single) request));
                runBatch(batch);
            }
        }
    }

    /** The next request, with those that join its batch: blocks until there is one; null once the lane is closed. */
    private List<Request> next() throws InterruptedException {
        lock.lock();
        try {
            while (queue.isEmpty()) {
                if (closed) {
                    return null;
                }
                arrived.await();
            }
            Request first = queue.poll();
            List<Request> taken = new ArrayList<>(List.of(first));
            if (!(first instanceof Single single) || batchSize == 1) {
                return taken;
            }
            long deadline = System.nanoTime() + batchWaitNanos;
            while (true) {
                for (Iterator<Request> it = queue.iterator();
                        it.hasNext() && single.admitsOneMore(taken.size(), batchSize); ) {
                    if (it.next() instanceof Single other && single.batchesWith(other)) {
                        taken.add(other);
                        it.remove();
                    }
                }
                long left = deadline - System.nanoTime();
                if (!single.admitsOneMore(taken.size(), batchSize) || left <= 0) {
                    return taken;
                }
                arrived.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    private void runBatch(List<Single> batch) {
        long start = System.nanoTime();
        Single first = batch.get(0);
        ModelManifest manifest = first.model().manifest();
        int pixels = first.input().width() * first.input().height();
        float[] data = batch.size() == 1 ? first.input().data() : new float[batch.size() * 3 * pixels];
        if (batch.size() > 1) {
            for (int i = 0; i < batch.size(); i++) {
                System.arraycopy(batch.get(i).input().data(), 0, data, i * 3 * pixels, 3 * pixels);
            }
        }
        long[] shape = {batch.size(), 3, first.input().height(), first.input().width()};
        try (OnnxTensor input = OnnxTensor.createTensor(environment, FloatBuffer.wrap(data), shape);
                OrtSession.Result result = first.model()
                        .session()
                        .run(Map.of(manifest.inputName(), input), Set.of(manifest.outputName()))) {
            OnnxTensor output = (OnnxTensor) result.get(manifest.outputName())
                    .orElseThrow(() -> new InvalidModelException(
                            first.model().id() + " returned no '" + manifest.outputName() + "'"));
            long[] outShape = output.getInfo().getShape();
            int width = (int) outShape[3];
            int height = (int) outShape[2];
            int each = 3 * width * height;
            FloatBuffer values = output.getFloatBuffer();
            if (outShape[0] != batch.size() || values.remaining() != (long) each * batch.size()) {
                throw new InvalidModelException(first.model().id() + " returned a batch of shape "
                        + Arrays.toString(outShape) + " for " + batch.size() + " images");
            }
            long runNanos = System.nanoTime() - start;
            for (Single request : batch) {
                float[] own = new float[each];
                values.get(own);
                request.result()
                        .complete(new Ran(
                                new ImageTensor(own, width, height),
                                start - request.queuedAt(),
                                runNanos / batch.size(),
                                batch.size()));
            }
        } catch (OrtException | RuntimeException | Error e) { // an Error too: the lane's thread must live on
            batch.forEach(request -> request.result().completeExceptionally(e));
        }
    }

    /**
     * Stops the lane: requests still queued fail with {@link ClosedException}; the run under way, if any, ends first
     * (ONNX Runtime cannot be interrupted, and its caller waits for it).
     */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            ClosedException gone = new ClosedException();
            queue.forEach(request -> request.fail(gone));
            queue.clear();
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The lane was closed (the worker stopping) before the request ran: the job did not fail, it was not run. */
    public static final class ClosedException extends IllegalStateException {
        ClosedException() {
            super("the inference lane is closed: the worker is stopping");
        }
    }

    private sealed interface Request permits Single, Exclusive {
        void fail(Throwable failure);
    }

    private record Single(
            LoadedModel model, ImageTensor input, long maxBatchPixels, long queuedAt, CompletableFuture<Ran> result)
            implements Request {
        /** Whether a batch led by this request and holding {@code size} images may take one more. */
        boolean admitsOneMore(int size, int batchSize) {
            return size < batchSize && (size + 1L) * input.width() * input.height() <= maxBatchPixels;
        }

        /** The same session (not merely an equal manifest) and the same size. */
        boolean batchesWith(Single other) {
            return other.model == model
                    && other.input.width() == input.width()
                    && other.input.height() == input.height();
        }

        @Override
        public void fail(Throwable failure) {
            result.completeExceptionally(failure);
        }
    }

    private record Exclusive<T>(Callable<T> work, CompletableFuture<T> result) implements Request {
        void execute() {
            try {
                result.complete(work.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        }

        @Override
        public void fail(Throwable failure) {
            result.completeExceptionally(failure);
        }
    }
}
