package dev.atelier.trainer.starter;

import dev.atelier.contracts.training.TrainingOptions;
import dev.atelier.trainer.loss.SqueezeNet;
import dev.atelier.trainer.loss.Vgg19Relu31;
import dev.atelier.trainer.training.AdversarialSettings;
import dev.atelier.trainer.training.QualityGate;
import dev.atelier.trainer.training.TrainingSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The command line of {@link StarterTraining}, parsed by picocli as the rest of {@code ./atelier} is. An option given
 * twice takes its last value, as scripts that append to a common set of options expect.
 */
@Command(
        name = "train-starter",
        sortOptions = false,
        usageHelpWidth = 120,
        synopsisHeading = "usage: ",
        customSynopsis = "./atelier train-starter --style PAINTING --photos DIR --out DIR [options]%n",
        description =
                "Trains a starter model offline on a folder of photos and a painting; writes model.onnx, preview.jpg and "
                        + "MODEL_CARD.md into --out when the quality gate passes, else only the card (exit status 1). Run the same "
                        + "command again to resume from the last checkpoint; Ctrl-C or SIGTERM stops between two steps (exit 3).")
final class StarterOptions {
    private static final String SQUEEZENET = "../shared/models/loss_networks/squeezenet1.1/weights_npy";
    private static final String VGG =
            "../shared/models/loss_networks/vgg19_normalised_relu3_1/vgg19_normalised_relu3_1.npz";

    @Option(names = "--style", paramLabel = "PAINTING", description = "The painting (required).")
    private Path style;

    @Option(
            names = "--photos",
            paramLabel = "DIR",
            description = "The content photos (required): JPEG and PNG files under the folder, any depth.")
    private Path photos;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Where the model, previews and checkpoints go (required).")
    private Path out;

    @Option(names = "--style-id", paramLabel = "ID", description = "Style id (default: the painting's file name).")
    private String styleId;

    @Option(names = "--title", paramLabel = "TEXT", description = "Title (default: the id).")
    private String title;

    @Option(
            names = "--credit",
            paramLabel = "TEXT",
            defaultValue = "",
            description = "The painting's author, title, date and licence, for the model card.")
    private String credit;

    @Option(
            names = "--steps",
            paramLabel = "N",
            defaultValue = "" + TrainingOptions.DEFAULT_STEPS,
            description = "Optimisation steps (default ${DEFAULT-VALUE}).")
    private int steps;

    @Option(
            names = "--width",
            paramLabel = "N",
            defaultValue = "" + TrainingOptions.DEFAULT_WIDTH,
            description = "Base width of the network (default ${DEFAULT-VALUE}: under 2 MB).")
    private int width;

    @Option(
            names = "--batch",
            paramLabel = "N",
            defaultValue = "" + TrainingOptions.DEFAULT_BATCH_SIZE,
            description = "Crops per step (default ${DEFAULT-VALUE}).")
    private int batch;

    @Option(
            names = "--image-size",
            paramLabel = "N",
            defaultValue = "" + TrainingOptions.DEFAULT_IMAGE_SIZE,
            description = "Crop side, a multiple of 4 (default ${DEFAULT-VALUE}).")
    private int imageSize;

    @Option(names = "--content-weight", paramLabel = "X", description = "Loss weight (default: the loss network's).")
    private Double contentWeight;

    @Option(names = "--style-weight", paramLabel = "X", description = "Loss weight (default: the loss network's).")
    private Double styleWeight;

    @Option(names = "--tv-weight", paramLabel = "X", description = "Loss weight (default: the loss network's).")
    private Double tvWeight;

    @Option(
            names = "--learning-rate",
            paramLabel = "X",
            defaultValue = "" + TrainingSettings.DEFAULT_LEARNING_RATE,
            description = "Adam's step size (default ${DEFAULT-VALUE}).")
    private float learningRate;

    @Option(
            names = "--warm-up-steps",
            paramLabel = "N",
            defaultValue = "0",
            description =
                    "First train the network to give the photo back for N of the steps (default ${DEFAULT-VALUE}).")
    private int warmUpSteps;

    // Read as a double and narrowed, as before picocli: the same text gives the same float.
    @Option(
            names = "--decay-from",
            paramLabel = "F",
            defaultValue = "0.5",
            description = "Anneal the learning rate along a "
                    + "half cosine after this fraction of the steps (default ${DEFAULT-VALUE}; 1: constant).")
    private double decayFrom;

    @Option(
            names = "--adversarial-weight",
            paramLabel = "W",
            defaultValue = "0",
            description = "Train a patch discriminator beside the network and add its adversarial loss at this weight"
                    + " (default ${DEFAULT-VALUE}: off).")
    private double adversarialWeight;

    @Option(
            names = "--discriminator-learning-rate",
            paramLabel = "R",
            defaultValue = "0.0002",
            description = "The adversarial discriminator's Adam step size (default ${DEFAULT-VALUE}).")
    private double discriminatorLearningRate;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "1",
            description = "Initial weights and crops (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(
            names = "--hold-out",
            paramLabel = "GLOB",
            description = "Photos (relative paths) to hold out for the quality gate, "
                    + "repeatable (default: the few with the smallest SHA-256, as ./atelier dataset import does).")
    private List<String> holdOut = new ArrayList<>();

    @Option(
            names = "--train-with",
            paramLabel = "KIND",
            defaultValue = SqueezeNet.NAME,
            description = "The loss network to "
                    + "train with, " + SqueezeNet.NAME + " (default) or " + Vgg19Relu31.NAME
                    + "; the other one judges (both measure "
                    + "the quality gate).")
    private String trainWith;

    @Option(
            names = "--squeezenet",
            paramLabel = "PATH",
            description = "SqueezeNet 1.1 weights (default: " + SQUEEZENET + ").")
    private String squeezeNet;

    @Option(names = "--vgg", paramLabel = "PATH", description = "The partial VGG-19 (default: " + VGG + ").")
    private String vgg;

    @Option(
            names = "--max-side",
            paramLabel = "N",
            defaultValue = "384",
            description = "Longest side of held-out photos when judged (default ${DEFAULT-VALUE}).")
    private int maxSide;

    // The gate's bounds default to QualityGate.Bounds.DEFAULTS (0.5, 0.8, 8, 0.33).
    @Option(
            names = "--max-style-ratio",
            paramLabel = "X",
            description = "Quality gate bound (default 0.5; relaxing a bound is written on the card).")
    private Double maxStyleRatio;

    @Option(names = "--max-photo-style-ratio", paramLabel = "X", description = "Quality gate bound (default 0.8).")
    private Double maxPhotoStyleRatio;

    @Option(names = "--max-content-ratio", paramLabel = "X", description = "Quality gate bound (default 8).")
    private Double maxContentRatio;

    @Option(names = "--max-trade-off", paramLabel = "X", description = "Quality gate bound (default 0.33).")
    private Double maxTradeOff;

    @Option(
            names = "--checkpoint-every",
            paramLabel = "N",
            defaultValue = "200",
            description =
                    "Steps between checkpoints in OUT/checkpoint (default ${DEFAULT-VALUE}); run again to resume.")
    private int checkpointEvery;

    @Option(
            names = "--preview-every",
            paramLabel = "N",
            defaultValue = "500",
            description = "Steps between previews in OUT/previews (default ${DEFAULT-VALUE}).")
    private int previewEvery;

    @Option(
            names = "--log-every",
            paramLabel = "N",
            defaultValue = "10",
            description = "Steps between progress lines (default ${DEFAULT-VALUE}).")
    private int logEvery;

    @Option(
            names = "--reference",
            paramLabel = "ONNX",
            description = "A model of the same painting to compare with on the "
                    + "held-out photos, under both networks; the ratios go on the card "
                    + "(e.g. ../shared/models/fast_neural_style/pytorch_nc16/udnie_nc16.onnx).")
    private Path reference;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    private boolean help;

    /** Built from the options once parsed (their checks are the contracts'). */
    private TrainingOptions training;

    private QualityGate.Bounds bounds;

    private StarterOptions() {}

    /** A parser for a new set of options ({@link CommandLine#getCommand()} after {@link #parse(CommandLine, String[])}). */
    static CommandLine commandLine() {
        return new CommandLine(new StarterOptions()).setOverwrittenOptionsAllowed(true);
    }

    /** @throws IllegalArgumentException naming what is wrong, for the usage message */
    static StarterOptions parse(String[] args) {
        return parse(commandLine(), args);
    }

    /**
     * Parses into the parser's options; when help is asked for ({@link CommandLine#isUsageHelpRequested()}) nothing
     * else is checked.
     *
     * @throws IllegalArgumentException naming what is wrong, for the usage message
     */
    static StarterOptions parse(CommandLine commandLine, String[] args) {
        try {
            commandLine.parseArgs(args);
        } catch (ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        StarterOptions options = commandLine.getCommand();
        if (!commandLine.isUsageHelpRequested()) {
            options.complete();
        }
        return options;
    }

    /** Fills in the defaults that depend on other options or on the machine, and checks what picocli does not. */
    private void complete() {
        // Checked here rather than by picocli's required=true, which would report a missing --style before an unknown
        // option (a misspelt --style, say).
        required(style, "--style");
        required(photos, "--photos");
        required(out, "--out");
        if (!trainWith.equals(SqueezeNet.NAME) && !trainWith.equals(Vgg19Relu31.NAME)) {
            throw new IllegalArgumentException(
                    "--train-with must be " + SqueezeNet.NAME + " or " + Vgg19Relu31.NAME + ", was " + trainWith);
        }
        if (styleId == null) {
            styleId = style.getFileName()
                    .toString()
                    .replaceFirst("\\.[^.]+$", "")
                    .toLowerCase(Locale.ROOT)
                    .replace('_', '-');
        }
        if (title == null) {
            title = styleId;
        }
        squeezeNet = network(squeezeNet, SQUEEZENET);
        vgg = network(vgg, VGG);
        training = new TrainingOptions(width, steps, batch, imageSize, contentWeight, styleWeight, tvWeight, "local");
        QualityGate.Bounds defaults = QualityGate.Bounds.DEFAULTS;
        bounds = new QualityGate.Bounds(
                or(maxStyleRatio, defaults.maxStyleRatio()),
                or(maxPhotoStyleRatio, defaults.maxPhotoStyleRatio()),
                or(maxContentRatio, defaults.maxContentRatio()),
                or(maxTradeOff, defaults.maxTradeOff()));
    }

    private static void required(Object value, String option) {
        if (value == null) {
            throw new IllegalArgumentException(option + " is required");
        }
    }

    private static double or(Double given, double fallback) {
        return given == null ? fallback : given;
    }

    /** The given location, else the default one when it exists here (absolute, so the card can name its file). */
    private static String network(String given, String fallback) {
        if (given != null) {
            return given;
        }
        return Files.exists(Path.of(fallback))
                ? Path.of(fallback).toAbsolutePath().normalize().toString()
                : null;
    }

    Path style() {
        return style;
    }

    Path photos() {
        return photos;
    }

    Path out() {
        return out;
    }

    String styleId() {
        return styleId;
    }

    String title() {
        return title;
    }

    String credit() {
        return credit;
    }

    TrainingOptions training() {
        return training;
    }

    float learningRate() {
        return learningRate;
    }

    long seed() {
        return seed;
    }

    List<String> holdOut() {
        return holdOut;
    }

    String trainWith() {
        return trainWith;
    }

    String squeezeNet() {
        return squeezeNet;
    }

    String vgg() {
        return vgg;
    }

    int maxSide() {
        return maxSide;
    }

    QualityGate.Bounds bounds() {
        return bounds;
    }

    int checkpointEvery() {
        return checkpointEvery;
    }

    int previewEvery() {
        return previewEvery;
    }

    int logEvery() {
        return logEvery;
    }

    /** A reference model to compare with, or null. */
    Path reference() {
        return reference;
    }

    int warmUpSteps() {
        return warmUpSteps;
    }

    float decayFrom() {
        return (float) decayFrom;
    }

    AdversarialSettings adversarial() {
        return new AdversarialSettings(
                (float) adversarialWeight,
                AdversarialSettings.DEFAULT_WIDTH,
                (float) discriminatorLearningRate,
                AdversarialSettings.DEFAULT_CROP_SIDE);
    }

    boolean relaxedBounds() {
        return !bounds.equals(QualityGate.Bounds.DEFAULTS);
    }

    /** The location of the network the training measures its loss with. */
    String lossNetwork() {
        return trainWith.equals(SqueezeNet.NAME) ? squeezeNet : vgg;
    }

    /** The other network: the independent judge. */
    String judgeNetwork() {
        return trainWith.equals(SqueezeNet.NAME) ? vgg : squeezeNet;
    }

    String judgeKind() {
        return trainWith.equals(SqueezeNet.NAME) ? Vgg19Relu31.NAME : SqueezeNet.NAME;
    }
}
