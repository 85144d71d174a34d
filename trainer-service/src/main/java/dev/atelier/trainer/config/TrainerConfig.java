package dev.atelier.trainer.config;

import dev.atelier.trainer.training.AdversarialSettings;
import dev.atelier.trainer.training.GatysOptimizer;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Settings of the trainer; each one overridable by environment, e.g. {@code ATELIER_TRAINER_CHECKPOINT_EVERY}. */
@ConfigMapping(prefix = "atelier.trainer")
public interface TrainerConfig {

    /** Steps between two checkpoints in S3: a restarted trainer loses at most this many steps. */
    @WithDefault("200")
    int checkpointEvery();

    /** Steps between two preview images. */
    @WithDefault("200")
    int previewEvery();

    /** Steps between two progress events (also sent with each preview and at the last step). */
    @WithDefault("10")
    int progressEvery();

    /**
     * Longest time between two writes of a running training's record: they are its owner's heartbeat,
     * so they are written this often even when steps are slow.
     */
    @WithDefault("30s")
    Duration heartbeatInterval();

    /** A RUNNING training whose heartbeat is older than this is taken over (its trainer is presumed dead). */
    @WithDefault("3m")
    Duration leaseTimeout();

    /**
     * This trainer's name in training records. Defaults to the host name, so a trainer restarted on
     * the same host (or pod) resumes its own training at once instead of waiting for the lease to expire;
     * give each trainer on one host its own.
     */
    Optional<String> instanceId();

    /** Topic of training progress events. */
    @WithDefault("atelier.training.events")
    String eventsTopic();

    /** Most bytes of encoded dataset photos kept in memory, so later epochs do not download them again. */
    @WithDefault("256M")
    io.quarkus.runtime.configuration.MemorySize datasetCache();

    /**
     * Times the trainers running a training may die mid-training (out of memory, a native crash, a kernel kill) before
     * the next delivery fails it as {@code trainer.crashed} instead of resuming it; a trainer stopping on purpose does not
     * count.
     */
    @WithDefault("3")
    int maxCrashes();

    /** Adam's step size ({@code TrainingSettings.DEFAULT_LEARNING_RATE}: why not the usual 1e-3). */
    @WithDefault("0.005")
    double learningRate();

    /**
     * Steps, counted in a training's steps, that first train the network to give the photo back (pixel error only),
     * before the perceptual loss takes over; 0 for none.
     */
    @WithDefault("0")
    int warmUpSteps();

    /**
     * The fraction of a training's steps after which its learning rate anneals to 2% of itself along a half cosine
     * ({@code LearningRateSchedule}); 1 keeps it constant.
     */
    @WithDefault("0.5")
    double learningRateDecayFrom();

    /**
     * Where downloaded loss-network weights are kept, one folder per sha256, so each URL is fetched once.
     * Defaults to {@code atelier-trainer} under {@code java.io.tmpdir}.
     */
    Optional<Path> dataDir();

    /** The perceptual loss network the transform network is trained against (default kind: {@code squeezenet1.1}). */
    Network lossNetwork();

    /**
     * The quality gate's independent judge (default kind: the other one than {@link #lossNetwork()}, so
     * {@code vgg19_normalised_relu3_1} for the default SqueezeNet).
     */
    Network judgeNetwork();

    /** The quality gate before publication. */
    Quality quality();

    /** The optional adversarial term of trainings ({@code AdversarialTerm}); off unless a weight is set. */
    Adversarial adversarial();

    /** A patch discriminator trained beside the transform network; trainer-service/README.md has its measurement. */
    interface Adversarial {
        /** The generator's adversarial loss weight beside the perceptual loss; 0 (the default) turns it off. */
        @WithDefault("0")
        double weight();

        /** The discriminator's first layer's channels. */
        @WithDefault("32")
        int width();

        /** The discriminator's Adam step size. */
        @WithDefault("0.0002")
        double learningRate();

        /** Side of the crops of painting and output the discriminator compares. */
        @WithDefault("128")
        int cropSide();

        default AdversarialSettings settings() {
            return new AdversarialSettings((float) weight(), width(), (float) learningRate(), cropSide());
        }
    }

    /** Where a loss network's weights are. */
    interface Network {
        /** {@code squeezenet1.1} or {@code vgg19_normalised_relu3_1}. */
        Optional<String> kind();

        /**
         * A weight file or folder, or an http(s) URL downloaded once into {@link #dataDir()} (then {@link #sha256()}
         * is required). No default: no registry reachable from the build ships these weights. SqueezeNet reads the
         * ONNX zoo's {@code squeezenet1.1-7.onnx}, {@code squeezenet1.1_features.onnx} or a {@code weights_npy/}
         * folder; the VGG its {@code .npz}.
         */
        Optional<String> location();

        /** Hex digest the weights must have; checked for files too when given. */
        Optional<String> sha256();
    }

    /**
     * Bounds a trained model must meet on the dataset's held-out photos, under the loss network and under the judge,
     * before it is published (see {@code QualityGate}); the defaults were measured on pretrained models.
     */
    interface Quality {
        /** Highest held-out style loss as a fraction of an untrained network's (same width and seed). */
        @WithDefault("0.5")
        double maxStyleRatio();

        /** Highest held-out style loss as a fraction of the unstylised photos' own. */
        @WithDefault("0.8")
        double maxPhotoStyleRatio();

        /** Highest held-out content loss as a multiple of an untrained network's (catches a diverged network). */
        @WithDefault("8")
        double maxContentRatio();

        /**
         * Highest content ratio (to an untrained network's) times style ratio (to the photos'): how much of the photo
         * a model may give up for the style it gets (QualityGate.Bounds).
         */
        @WithDefault("0.33")
        double maxTradeOff();

        /**
         * Longest side at which held-out photos are judged, checked for export parity and previewed. The default bounds
         * were measured at 384; below 256 a decent model's style loss nears the photos' own.
         */
        @WithDefault("384")
        int maxSide();
    }

    /** Optimisation jobs: a client's own painting, the picture optimised against the perceptual loss (Gatys et al.). */
    Optimise optimise();

    /** How this trainer runs optimisation jobs, consumed from {@code atelier.optimise.requests}. */
    interface Optimise {
        /**
         * The loss network optimisation jobs run against: {@code squeezenet1.1} or {@code vgg19_normalised_relu3_1},
         * one of the two this trainer has weights for (the loss network's or the judge's); the loss network's by
         * default.
         */
        Optional<String> network();

        /**
         * The share of a job's steps run first at half its side (multi-scale: the coarse pass lays down the painting's
         * large strokes, the rest refines at full size); 0 for a single pass. Measured with bench/optimise.sh: at 512
         * px the style target is reached 1.2 to 3 times sooner, with larger strokes.
         */
        @WithDefault("0.2")
        double coarseFraction();

        /**
         * How the pixels are moved: {@code lbfgs} (as Gatys et al.) or {@code adam}. Measured with bench/optimise.sh
         * --methods adam,lbfgs (docs/optimisation.md): L-BFGS reaches the style target in fewer steps of the same cost.
         */
        @WithDefault("lbfgs")
        GatysOptimizer.Method method();

        /** Steps between progress reports (record, event and preview image). */
        @WithDefault("25")
        int progressEvery();

        /**
         * Starts of a job that never finished (the trainer running it died) after which the next delivery fails it as
         * {@code worker.crashed} instead of running it again.
         */
        @WithDefault("2")
        int maxStarts();

        /** The most pixels a photo or painting may decode to (the gateway's bound); its decoded copy is the heap's. */
        @WithDefault("40000000")
        long maxInputPixels();
    }

    /** Retries of transient failures (S3 or Kafka unreachable), each resuming from the last checkpoint. */
    Retry retry();

    /** One trainer per request, as a Kubernetes Job (KEDA ScaledJob), instead of a long-running consumer. */
    Job job();

    /** Job mode: take one training request, train it to a final state, exit 0. */
    interface Job {
        /** On in a Job's pod ({@code ATELIER_TRAINER_JOB_ENABLED=true}); off for the long-running trainer. */
        @WithDefault("false")
        boolean enabled();

        /**
         * Exit 0 when no request arrived this long after start: KEDA may start a Job for a request another
         * Job has already taken.
         */
        @WithDefault("5m")
        Duration idleExit();
    }

    /** Bounded retries with exponential backoff; permanent failures are never retried. */
    interface Retry {
        /** Attempts per delivery of a request, the first included; after the last the training is FAILED. */
        @WithDefault("4")
        int maxAttempts();

        /** Wait before the second attempt; doubled for each further one. */
        @WithDefault("2s")
        Duration initialBackoff();

        /** The longest wait between two attempts. */
        @WithDefault("1m")
        Duration maxBackoff();
    }
}
