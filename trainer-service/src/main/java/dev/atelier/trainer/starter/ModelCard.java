package dev.atelier.trainer.starter;

import dev.atelier.trainer.engine.TrainedModel;
import dev.atelier.trainer.engine.TrainingFailure;
import dev.atelier.trainer.network.TransformerNetSpec;
import dev.atelier.trainer.training.LearningRateSchedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** {@code MODEL_CARD.md}: what a starter model is, how it was trained, and how it measured. */
final class ModelCard {
    private final StarterOptions options;
    private final String device;
    private final int trainPhotos;
    private final List<String> heldOut;
    private final StarterProgress progress;

    ModelCard(StarterOptions options, String device, int trainPhotos, List<String> heldOut, StarterProgress progress) {
        this.options = options;
        this.device = device;
        this.trainPhotos = trainPhotos;
        this.heldOut = heldOut;
        this.progress = progress;
    }

    String published(TrainedModel model) throws IOException {
        StringBuilder card = header("published");
        card.append("## Model\n\n")
                .append(row(
                        "file",
                        "`model.onnx`, " + model.onnx().length + " bytes, sha256 `" + sha256(model.onnx()) + "`"))
                .append(row(
                        "architecture",
                        "Johnson et al. transform network (pytorch/examples TransformerNet layout), base width "
                                + options.training().width() + ", "
                                + new TransformerNetSpec(options.training().width()).parameterCount()
                                + " parameters"))
                .append(
                        row(
                                "input / output",
                                "`" + model.inputName() + "` / `" + model.outputName()
                                        + "`: float NCHW RGB 0..255, dynamic batch, height and width (multiples of 4); clamp the output"))
                .append(row("preview", "`preview.jpg`: the first held-out photo"))
                .append('\n');
        training(card);
        card.append("## Quality on the held-out photos\n\n")
                .append("Mean losses at ")
                .append(options.maxSide())
                .append(" px; the gate's yardsticks are an untrained network ")
                .append(
                        "of the same width and seed, and the photos left as they are.\n\n| figure | value |\n|---|---|\n");
        new TreeMap<>(model.quality())
                .forEach((k, v) -> card.append(String.format(Locale.ROOT, "| `%s` | %.5f |%n", k, v)));
        return card.append('\n').append(gate()).toString();
    }

    String failed(TrainingFailure failure) throws IOException {
        StringBuilder card = header("NOT published: " + failure.code());
        training(card);
        return card.append("## Why no model was written\n\n")
                .append(failure.getMessage())
                .append("\n\n")
                .append(gate())
                .toString();
    }

    private StringBuilder header(String outcome) throws IOException {
        StringBuilder card = new StringBuilder();
        card.append("# ")
                .append(options.title())
                .append(" (`")
                .append(options.styleId())
                .append("`)\n\n")
                .append("Outcome: **")
                .append(outcome)
                .append("**. Trained by Atelier's trainer (`./atelier train-starter`), ")
                .append("on ")
                .append(device)
                .append(".\n\n")
                .append("## Style image\n\n")
                .append(row(
                        "file",
                        "`" + options.style().getFileName() + "`, sha256 `"
                                + sha256(Files.readAllBytes(options.style())) + "`"))
                .append(row("credit", options.credit().isBlank() ? "(not given: pass --credit)" : options.credit()))
                .append('\n');
        return card;
    }

    private void training(StringBuilder card) {
        var t = options.training();
        card.append("## Training\n\n")
                .append(row(
                        "steps",
                        t.steps() + " (this run: " + progress.stepsRun()
                                + (progress.firstStep() != null && progress.firstStep() > 1
                                        ? ", resumed at step " + progress.firstStep()
                                        : "")
                                + ")"))
                .append(row(
                        "batch, crop side",
                        t.batchSize() + " crops of " + t.imageSize()
                                + " px (random multi-scale squares, flipped half of the time)"))
                .append(row(
                        "loss weights (content, style, tv)",
                        weight(t.contentWeight()) + ", " + weight(t.styleWeight()) + ", " + weight(t.tvWeight())))
                .append(row(
                        "learning rate, seed",
                        options.learningRate()
                                + (options.decayFrom() < 1
                                        ? String.format(
                                                Locale.ROOT,
                                                ", annealed along a half cosine to %s of it after %.0f%% of the steps",
                                                LearningRateSchedule.FLOOR,
                                                100 * options.decayFrom())
                                        : ", constant")
                                + "; seed " + options.seed()))
                .append(row(
                        "warm-up",
                        options.warmUpSteps() == 0
                                ? "none"
                                : "the first " + options.warmUpSteps()
                                        + " steps trained to give the photo back (pixel error)"))
                .append(row(
                        "loss network, judge",
                        options.trainWith() + " (" + weights(options.lossNetwork()) + "), " + options.judgeKind() + " ("
                                + weights(options.judgeNetwork()) + ")"))
                .append(row(
                        "photos",
                        trainPhotos + " to train on from `" + options.photos().getFileName() + "`, held out: "
                                + heldOut))
                .append(row(
                        "speed",
                        progress.imagesPerSecond() == null
                                ? "n/a"
                                : String.format(
                                        Locale.ROOT,
                                        "%.2f images/s on %s; %.0f s training and judging",
                                        progress.imagesPerSecond(),
                                        device,
                                        progress.seconds())))
                .append('\n');
        if (progress.firstLosses() != null) {
            card.append("| losses | content | style | tv | total |\n|---|---|---|---|---|\n")
                    .append(lossRow("step " + progress.firstStep(), progress.firstLosses()))
                    .append(lossRow(
                            "mean of the last " + progress.recentCount() + " steps (to " + progress.lastStep() + ")",
                            progress.recentMeans()))
                    .append('\n');
        }
    }

    private String gate() {
        var b = options.bounds();
        return String.format(
                Locale.ROOT,
                "Quality gate bounds: style at most %.3f of an untrained network's and %.3f of the "
                        + "photos', content at most %.3f times an untrained network's, and the content ratio times the photo style "
                        + "ratio at most %.3f, under both networks.%s%n",
                b.maxStyleRatio(),
                b.maxPhotoStyleRatio(),
                b.maxContentRatio(),
                b.maxTradeOff(),
                options.relaxedBounds()
                        ? " **These are relaxed from the defaults: do not ship this model as a starter.**"
                        : "");
    }

    /** The weights' file name and digest; never the machine's path. */
    private static String weights(String location) {
        if (location == null) {
            return "not given";
        }
        Path path = Path.of(location);
        try {
            return "`" + path.getFileName() + "`"
                    + (Files.isRegularFile(path) ? ", sha256 `" + sha256(Files.readAllBytes(path)) + "`" : "");
        } catch (IOException e) {
            return "`" + path.getFileName() + "`";
        }
    }

    private static String lossRow(String label, Map<String, Double> losses) {
        return String.format(
                Locale.ROOT,
                "| %s | %.4f | %.4f | %.5f | %.4f |%n",
                label,
                losses.get("content"),
                losses.get("style"),
                losses.get("tv"),
                losses.get("total"));
    }

    private static String weight(Double weight) {
        return weight == null ? "default" : weight.toString();
    }

    private static String row(String name, String value) {
        return "- " + name + ": " + value + "\n";
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
