package dev.atelier.worker.config;

import dev.atelier.worker.imaging.PaddingMode;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the inference worker; each one overridable by environment, e.g. {@code ATELIER_WORKER_EXECUTION_PROVIDER}. */
@ConfigMapping(prefix = "atelier.worker")
public interface WorkerConfig {

    /** Where inference runs: {@code auto} (CUDA when the GPU build and a device are present, else CPU), {@code cpu} or {@code cuda}. */
    @WithDefault("auto")
    ProviderMode executionProvider();

    /**
     * The arithmetic models run in: {@code auto} (half precision on CUDA, float on the CPU), {@code float} or
     * {@code half}. A half-precision session is made from the float model when it is loaded ({@code Float16Variant});
     * its inputs and outputs stay float.
     */
    @WithDefault("auto")
    Precision precision();

    /**
     * Jobs a worker runs at once. Their models run one at a time; the others meanwhile read their photos, record their
     * states and encode and store their results, so the model is kept busy. Photos that would not fit the heap together
     * wait for each other ({@code HeapAdmission}).
     */
    @WithDefault("2")
    int concurrentJobs();

    /**
     * The most jobs whose photos run through the model as one batch: those for the same model and size that wait for
     * it together ({@code InferenceLane}). 1 (the default) batches nothing: on CPU a batch runs no faster per image
     * ({@code bench/scale-out.sh --batch-size}); on a GPU, set it with {@code concurrent-jobs} above it.
     */
    @WithDefault("1")
    int batchSize();

    /** The longest a batch waits to fill once its first photo is ready (only when batch-size is above 1). */
    @WithDefault("5ms")
    Duration batchWait();

    /** Threads ONNX Runtime uses within one operator; 0 lets it use one per core. */
    @WithDefault("0")
    int intraOpThreads();

    /** How many model versions stay loaded; the least recently used beyond this is closed once idle. */
    @WithDefault("4")
    int modelCacheSize();

    /** Quality of JPEG results, in (0, 1]. */
    @WithDefault("0.92")
    float jpegQuality();

    /** Largest input accepted, in pixels (width times height), checked from the header before decoding. */
    @WithDefault("40000000")
    long maxInputPixels();

    /** How inputs of dynamic-size models are padded up to sides divisible by 4: {@code reflect} or {@code edge}. */
    @WithDefault("reflect")
    PaddingMode padding();

    /** How long to wait for Kafka to acknowledge an event before the attempt counts as failed (and is retried). */
    @WithDefault("30s")
    Duration eventAckTimeout();

    /**
     * How long a stopping worker waits for its running jobs to finish before it exits anyway (those are
     * then redelivered). Keep Kubernetes' terminationGracePeriodSeconds above it.
     */
    @WithDefault("30s")
    Duration shutdownWait();

    /** How images larger than a tile are stylised: in overlapping tiles, so memory follows the tile, not the photo. */
    Tiles tiles();

    /**
     * What the worker's resident memory may reach (Java heap included): a model whose tiles would need more gets
     * smaller tiles ({@code MemoryBudget}). Set the Kubernetes memory limit a little above it.
     */
    @WithDefault("2560M")
    io.quarkus.runtime.configuration.MemorySize memoryBudget();

    /**
     * Times a job may be started (recorded RUNNING, before its model runs) without finishing before a delivery of it
     * fails it as {@code worker.crashed} instead of running it again: a job whose worker dies every time (out of memory,
     * a crash in native code, a kernel kill) must not be handed from worker to worker forever.
     */
    @WithDefault("3")
    int maxStarts();

    /** Retries of transient failures (S3 or Kafka unreachable, a style the catalog has not caught up with). */
    Retry retry();

    /** Bounded retries with exponential backoff; permanent failures are never retried. */
    interface Retry {
        /** Attempts per job delivery, the first included; after the last the job fails and goes to the DLQ. */
        @WithDefault("3")
        int maxAttempts();

        /** Wait before the second attempt; doubled for each further one. */
        @WithDefault("500ms")
        Duration initialBackoff();

        /** The longest wait between two attempts. */
        @WithDefault("10s")
        Duration maxBackoff();

        /**
         * How long a job is retried while the object store or Kafka is unavailable, however many attempts that takes
         * (their outage would otherwise strand it: nothing could record its failure). Below the consumer's
         * {@code max.poll.interval.ms} (5 min), past which Kafka hands the partition to another worker.
         */
        @WithDefault("4m")
        Duration outageWindow();
    }

    interface Tiles {
        /**
         * The longest side of a tile's core, a multiple of 4: a model's memory grows with the pixels it runs at once
         * (about 1 KB per pixel for a width-32 network on CPU), so this bounds it.
         */
        @WithDefault("1024")
        int side();

        /** How far each tile reaches into its neighbours, a multiple of 4; the seam is blended over twice this. */
        @WithDefault("32")
        int overlap();

        /** The longer side of the thumbnail the tiles' shared instance-norm statistics are measured on. */
        @WithDefault("1024")
        int statisticsSide();
    }
}
