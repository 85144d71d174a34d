package dev.atelier.trainer.starter;

import dev.atelier.contracts.training.TrainingOptions;
import dev.atelier.trainer.loss.SqueezeNet;
import dev.atelier.trainer.loss.Vgg19Relu31;
import dev.atelier.trainer.training.QualityGate;
import dev.atelier.trainer.training.TrainingSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The command line of {@link StarterTraining}: {@code --name value} pairs. */
record StarterOptions(Path style, Path photos, Path out, String styleId, String title, String credit,
        TrainingOptions training, float learningRate, long seed, List<String> holdOut, String trainWith,
        String squeezeNet, String vgg, int maxSide, QualityGate.Bounds bounds, int checkpointEvery, int previewEvery, int logEvery,
        Path reference, int warmUpSteps, float decayFrom) {

    static final String USAGE = """
            usage: ./atelier train-starter --style PAINTING --photos DIR --out DIR [options]
              --style-id ID          style id (default: the painting's file name)
              --title TEXT           title (default: the id)
              --credit TEXT          the painting's author, title, date and licence, for the model card
              --steps N              optimisation steps (default 4000)
              --width N              base width of the network (default 16: under 2 MB)
              --batch N              crops per step (default 4)
              --image-size N         crop side, a multiple of 4 (default 256)
              --content-weight X --style-weight X --tv-weight X   loss weights (default: the loss network's)
              --learning-rate X      Adam's step size (default 0.005)
              --warm-up-steps N      first train the network to give the photo back for N of the steps (default 0)
              --decay-from F         anneal the learning rate along a half cosine after this fraction of the steps
                                     (default 0.5; 1: constant)
              --seed N               initial weights and crops (default 1)
              --hold-out GLOB        photos (relative paths) to hold out for the quality gate, repeatable
                                     (default: the few with the smallest SHA-256, as ./atelier dataset import does)
              --train-with KIND      the loss network to train with, squeezenet1.1 (default) or vgg19_normalised_relu3_1;
                                     the other one judges (both measure the quality gate)
              --squeezenet PATH      SqueezeNet 1.1 weights (default: ../shared/models/loss_networks/squeezenet1.1/weights_npy)
              --vgg PATH             the partial VGG-19 (default: ../shared/models/loss_networks/
                                     vgg19_normalised_relu3_1/vgg19_normalised_relu3_1.npz)
              --max-side N           longest side of held-out photos when judged (default 384)
              --max-style-ratio X --max-photo-style-ratio X --max-content-ratio X --max-trade-off X
                                     quality gate bounds (default 0.5, 0.8, 8, 0.33: relaxing them is written on the card)
              --checkpoint-every N   steps between checkpoints in OUT/checkpoint (default 200); run again to resume
              --preview-every N      steps between previews in OUT/previews (default 500)
              --log-every N          steps between progress lines (default 10)
              --reference ONNX       a model of the same painting to compare with on the held-out photos, under both
                                     networks; the ratios go on the card (e.g. ../shared/models/fast_neural_style/
                                     pytorch_nc16/udnie_nc16.onnx)
            """;

    private static final Set<String> NAMES = Set.of("style", "photos", "out", "style-id", "title", "credit", "steps",
            "width", "batch", "image-size", "content-weight", "style-weight", "tv-weight", "learning-rate", "seed",
            "hold-out", "train-with", "squeezenet", "vgg", "max-side", "max-style-ratio", "max-photo-style-ratio",
            "max-content-ratio", "max-trade-off", "checkpoint-every", "preview-every", "log-every", "reference", "warm-up-steps",
            "decay-from");

    /** @throws IllegalArgumentException naming what is wrong, for the usage message */
    static StarterOptions parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        List<String> holdOut = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : null;
            if (name == null || !NAMES.contains(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
            }
            if (name.equals("hold-out")) {
                holdOut.add(args[++i]);
            } else {
                values.put(name, args[++i]);
            }
        }
        Path style = Path.of(required(values, "style"));
        String styleId = values.getOrDefault("style-id",
                style.getFileName().toString().replaceFirst("\\.[^.]+$", "").toLowerCase(Locale.ROOT).replace('_', '-'));
        TrainingOptions training = new TrainingOptions(integer(values, "width", 16), integer(values, "steps", 4000),
                integer(values, "batch", 4), integer(values, "image-size", 256), decimal(values, "content-weight"),
                decimal(values, "style-weight"), decimal(values, "tv-weight"), "local");
        QualityGate.Bounds defaults = QualityGate.Bounds.DEFAULTS;
        return new StarterOptions(style, Path.of(required(values, "photos")), Path.of(required(values, "out")), styleId,
                values.getOrDefault("title", styleId), values.getOrDefault("credit", ""), training,
                Float.parseFloat(values.getOrDefault("learning-rate", String.valueOf(TrainingSettings.DEFAULT_LEARNING_RATE))),
                Long.parseLong(values.getOrDefault("seed", "1")),
                holdOut,
                lossNetworkKind(values.getOrDefault("train-with", SqueezeNet.NAME)),
                network(values.get("squeezenet"), "../shared/models/loss_networks/squeezenet1.1/weights_npy"),
                network(values.get("vgg"), "../shared/models/loss_networks/vgg19_normalised_relu3_1/vgg19_normalised_relu3_1.npz"),
                integer(values, "max-side", 384),
                new QualityGate.Bounds(decimal(values, "max-style-ratio", defaults.maxStyleRatio()),
                        decimal(values, "max-photo-style-ratio", defaults.maxPhotoStyleRatio()),
                        decimal(values, "max-content-ratio", defaults.maxContentRatio()),
                        decimal(values, "max-trade-off", defaults.maxTradeOff())),
                integer(values, "checkpoint-every", 200), integer(values, "preview-every", 500), integer(values, "log-every", 10),
                values.containsKey("reference") ? Path.of(values.get("reference")) : null,
                integer(values, "warm-up-steps", 0), (float) decimal(values, "decay-from", 0.5));
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

    private static String lossNetworkKind(String kind) {
        if (!kind.equals(SqueezeNet.NAME) && !kind.equals(Vgg19Relu31.NAME)) {
            throw new IllegalArgumentException("--train-with must be " + SqueezeNet.NAME + " or " + Vgg19Relu31.NAME + ", was " + kind);
        }
        return kind;
    }

    private static String network(String given, String fallback) {
        if (given != null) {
            return given;
        }
        return Files.exists(Path.of(fallback)) ? Path.of(fallback).toAbsolutePath().normalize().toString() : null;
    }

    private static String required(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private static int integer(Map<String, String> values, String name, int fallback) {
        try {
            return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, was '" + values.get(name) + "'");
        }
    }

    private static Double decimal(Map<String, String> values, String name) {
        try {
            return values.containsKey(name) ? Double.valueOf(values.get(name)) : null;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, was '" + values.get(name) + "'");
        }
    }

    private static double decimal(Map<String, String> values, String name, double fallback) {
        Double value = decimal(values, name);
        return value == null ? fallback : value;
    }
}
