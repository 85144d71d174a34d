package dev.atelier.worker.jobs;

import ai.onnxruntime.OrtException;
import dev.atelier.contracts.errors.ErrorCodes;
import dev.atelier.contracts.events.JobCancelled;
import dev.atelier.contracts.events.JobCompleted;
import dev.atelier.contracts.events.JobStarted;
import dev.atelier.contracts.jobs.JobOptions;
import dev.atelier.contracts.jobs.JobRecord;
import dev.atelier.contracts.jobs.JobTimings;
import dev.atelier.contracts.models.ModelManifest;
import dev.atelier.contracts.storage.StorageKeys;
import dev.atelier.imaging.ImageDecoder;
import dev.atelier.imaging.ImageEncoder;
import dev.atelier.platform.concurrent.Parallel;
import dev.atelier.platform.events.TraceContext;
import dev.atelier.platform.jobs.JobRecords;
import dev.atelier.platform.storage.ObjectStore;
import dev.atelier.worker.catalog.ModelResolver;
import dev.atelier.worker.config.WorkerConfig;
import dev.atelier.worker.inference.InferenceLane;
import dev.atelier.worker.inference.LoadedModel;
import dev.atelier.worker.inference.MemoryBudget;
import dev.atelier.worker.inference.ModelCache;
import dev.atelier.worker.inference.ModelSessions;
import dev.atelier.worker.inference.OnnxRuntime;
import dev.atelier.worker.inference.Rendering;
import dev.atelier.worker.inference.Stylizer;
import dev.atelier.worker.inference.TileSettings;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * One attempt at a job that is not final yet: record RUNNING and announce it, run the model, store
 * the output, record SUCCEEDED, announce completion. Every write goes to a fixed key, so an attempt
 * can be repeated after any failure.
 */
@Singleton
public class JobRun {
    private static final Logger LOG = Logger.getLogger(JobRun.class);

    private final ModelResolver resolver;
    private final ModelSessions sessions;
    private final JobRecords records;
    private final JobEvents events;
    private final ObjectStore store;
    private final Clock clock;
    private final String provider;
    private final ImageDecoder decoder;
    private final ImageEncoder encoder;
    private final Stylizer stylizer;
    private final Executor executor;
    private final HeapAdmission admission;
    private final InferenceLane lane;
    /** The most pixels the heap holds for one job: its photo, and the image its model runs on when that differs. */
    private final long heapRoomPixels;

    public JobRun(
            ModelResolver resolver,
            ModelSessions sessions,
            JobRecords records,
            JobEvents events,
            ObjectStore store,
            Clock clock,
            OnnxRuntime runtime,
            WorkerConfig config,
            ManagedExecutor executor) {
        this.executor = executor;
        this.resolver = resolver;
        this.sessions = sessions;
        this.records = records;
        this.events = events;
        this.store = store;
        this.clock = clock;
        this.provider = runtime.provider().label();
        MemoryBudget budget = new MemoryBudget(
                config.memoryBudget().asLongValue(), Runtime.getRuntime().maxMemory());
        long maxPixels = Math.min(config.maxInputPixels(), budget.maxPixels());
        if (maxPixels < config.maxInputPixels()) {
            LOG.warnf(
                    "the heap (%d MiB) holds photos of at most %d pixels, fewer than atelier.worker.max-input-pixels (%d):"
                            + " larger ones fail as input.too-large; give the worker more memory",
                    budget.heapBytes() >> 20, maxPixels, config.maxInputPixels());
        }
        this.decoder = new ImageDecoder(maxPixels);
        this.admission = new HeapAdmission(maxPixels);
        this.heapRoomPixels = budget.maxPixels();
        this.encoder = new ImageEncoder(config.jpegQuality());
        this.lane = new InferenceLane(runtime.environment(), config.batchSize(), config.batchWait());
        this.stylizer = new Stylizer(
                runtime.environment(),
                config.padding(),
                new TileSettings(
                        config.tiles().side(),
                        config.tiles().overlap(),
                        config.tiles().statisticsSide()),
                budget,
                lane);
    }

    @PreDestroy
    void close() {
        lane.close();
    }

    /** What a successful attempt produced, for metrics. */
    public record Done(JobRecord record, JobCompleted event, Duration queueWait, Duration inference, int batch) {}

    /**
     * @return what the attempt produced, or empty when the job's owner cancelled it: the cancellation is
     *     checked after RUNNING is recorded, so a gateway that still saw QUEUED after writing it is sure to be
     *     heard, and one that saw RUNNING answers that it is too late
     */
    public Optional<Done> run(JobRecord queued, TraceContext trace) throws Exception {
        try (HeapAdmission.Lease room = admit(queued)) {
            // The photo is read and decoded while RUNNING is recorded and announced: those round trips then cost
            // nothing.
            CompletableFuture<DecodedInput> input =
                    CompletableFuture.supplyAsync(() -> readInput(queued.inputKey()), executor);
            try {
                return run(queued, input, trace);
            } finally {
                // Never leave a decode running behind this attempt (its room in the heap is given back after it).
                if (!input.isDone()) {
                    input.handle((decoded, failure) -> null).join();
                }
            }
        }
    }

    /**
     * Room in the heap for the job's photo (and the image its model runs on, at another stroke size); all of it when an
     * earlier start of the job never finished: that job may be what kills a worker, and running it alone charges no job
     * beside it with a start it did not cause.
     */
    private HeapAdmission.Lease admit(JobRecord queued) {
        long pixels = queued.input() == null ? 0 : heapPixels(queued);
        try {
            if (queued.attempts() > 0 || pixels == 0) {
                return admission.admitAlone();
            }
            return admission.admit(pixels);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkerStoppingException("room in the heap", e);
        }
    }

    private long heapPixels(JobRecord queued) {
        int width = queued.input().width();
        int height = queued.input().height();
        Rendering rendering = Rendering.of(options(queued));
        long pixels = rendering.heapPixels(width, height);
        if (pixels > heapRoomPixels) {
            throw JobFailure.permanent(
                    ErrorCodes.INPUT_TOO_LARGE,
                    String.format(
                            Locale.ROOT,
                            "at styleScale %s the %dx%d photo runs at %dx%d: photo and run need room for %d pixels,"
                                    + " this worker's heap holds %d; send a smaller photo or a larger styleScale",
                            rendering.styleScale(),
                            width,
                            height,
                            rendering.runSide(width),
                            rendering.runSide(height),
                            pixels,
                            heapRoomPixels));
        }
        return pixels;
    }

    private static JobOptions options(JobRecord record) {
        return record.options() != null ? record.options() : JobOptions.defaults();
    }

    private Stylizer.Stylized stylize(LoadedModel model, BufferedImage content, Rendering rendering)
            throws OrtException {
        try {
            return stylizer.stylize(model, content, rendering);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkerStoppingException("the model", e);
        } catch (InferenceLane.ClosedException e) {
            throw new WorkerStoppingException("the model", e);
        }
    }

    private Optional<Done> run(JobRecord queued, CompletableFuture<DecodedInput> input, TraceContext trace)
            throws Exception {
        ModelManifest manifest = resolver.resolve(queued.styleId(), queued.requestedVersion());
        JobRecord running = queued.running(manifest.version(), provider, clock.instant());
        records.save(running);
        if (store.exists(StorageKeys.jobCancellation(running.tenant(), running.id()))) {
            JobRecord cancelled = running.cancelled(clock.instant());
            records.save(cancelled);
            events.publish(
                    new JobCancelled(cancelled.id(), cancelled.tenant(), cancelled.styleId(), cancelled.finishedAt()),
                    trace);
            return Optional.empty();
        }
        JobStarted started = new JobStarted(
                running.id(),
                running.tenant(),
                running.styleId(),
                manifest.version(),
                provider,
                running.attempts(),
                running.startedAt());
        CompletableFuture<Void> startedAcked = events.send(started, trace);
        JobOptions options = options(running);
        try (ModelCache<LoadedModel>.Lease lease = sessions.acquire(manifest)) {
            DecodedInput decoded = Parallel.join(input);
            BufferedImage content = decoded.image();
            Instant ready = clock.instant();
            Stylizer.Stylized styled = stylize(lease.model(), content, Rendering.of(options));
            // Waiting for the model counts as waiting in the queue.
            Instant inferenceStart = ready.plusNanos(styled.waitedNanos());
            long encodeStart = System.nanoTime();
            byte[] output = encoder.encode(styled.image(), options.outputFormat());
            long storeStart = System.nanoTime();
            String outputKey = StorageKeys.output(running.tenant(), running.id(), options.outputFormat());
            store.put(outputKey, output, options.outputFormat().mediaType());
            long stored = System.nanoTime();
            Instant finished = clock.instant();
            JobTimings timings = new JobTimings(
                    millisBetween(running.createdAt(), running.startedAt()),
                    decoded.millis(),
                    styled.inferenceNanos() / 1_000_000,
                    (storeStart - encodeStart) / 1_000_000,
                    (stored - storeStart) / 1_000_000,
                    millisBetween(running.createdAt(), finished));
            JobRecord succeeded =
                    running.succeeded(outputKey, content.getWidth(), content.getHeight(), finished, timings);
            records.save(succeeded);
            Duration queueWait = Duration.between(running.createdAt(), inferenceStart);
            Duration inference = Duration.ofNanos(styled.inferenceNanos());
            JobCompleted completed = new JobCompleted(
                    succeeded.id(),
                    succeeded.tenant(),
                    succeeded.styleId(),
                    manifest.version(),
                    outputKey,
                    options.outputFormat(),
                    content.getWidth(),
                    content.getHeight(),
                    provider,
                    queueWait.toMillis(),
                    inference.toMillis(),
                    succeeded.finishedAt());
            awaitOrResend(startedAcked, started, trace);
            events.publish(completed, trace);
            return Optional.of(new Done(succeeded, completed, queueWait, inference, styled.batch()));
        }
    }

    /** JobStarted was sent before inference; it must be durable, and before JobCompleted, when the job is acknowledged. */
    private void awaitOrResend(CompletableFuture<Void> acked, JobStarted started, TraceContext trace) {
        try {
            events.await(acked, started);
        } catch (EventPublishException e) {
            LOG.warnf(
                    "job %s: JobStarted was not acknowledged (%s); sending it again", started.jobId(), e.getMessage());
            events.publish(started, trace);
        }
    }

    /** The job's photo, decoded, and how long reading and decoding it took. */
    private record DecodedInput(BufferedImage image, long millis) {}

    private DecodedInput readInput(String inputKey) {
        long start = System.nanoTime();
        byte[] encoded = store.get(inputKey)
                .orElseThrow(() -> JobFailure.permanent(
                        ErrorCodes.INPUT_MISSING, "input " + inputKey + " is not in the object store"));
        BufferedImage image = decoder.decode(encoded);
        return new DecodedInput(image, (System.nanoTime() - start) / 1_000_000);
    }

    /** Clocks of gateway and worker differ a little: a negative span is noise. */
    private static long millisBetween(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMillis());
    }
}
