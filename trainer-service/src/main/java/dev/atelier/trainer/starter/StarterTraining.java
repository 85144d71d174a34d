package dev.atelier.trainer.starter;

import dev.atelier.imaging.ImageDecoder;
import dev.atelier.trainer.engine.ContentPhotos;
import dev.atelier.trainer.engine.DjlTrainingEngine;
import dev.atelier.trainer.engine.EngineSettings;
import dev.atelier.trainer.engine.TrainedModel;
import dev.atelier.trainer.engine.TrainingFailure;
import dev.atelier.trainer.engine.TrainingPlan;
import dev.atelier.trainer.engine.TrainingStoppedException;
import dev.atelier.trainer.loss.SqueezeNet;
import dev.atelier.trainer.loss.Vgg19Relu31;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import picocli.CommandLine;

/**
 * Trains a starter model offline: the trainer's engine ({@link DjlTrainingEngine}, the same steps, checkpoints, parity
 * and quality gates as in the service) on a folder of photos and a painting, with no Kafka or S3. Writes
 * {@code model.onnx}, {@code preview.jpg} and {@code MODEL_CARD.md} into the output folder when the gates pass, else
 * only the card with the figures that failed (exit status 1). Checkpoints go to {@code OUT/checkpoint}: running the
 * same command again resumes.
 */
public final class StarterTraining {
    private static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png");
    private static final int MIN_SIDE = 64;
    private static final Duration STOP_WAIT = Duration.ofMinutes(2);

    private StarterTraining() {}

    public static void main(String[] args) throws Exception {
        CommandLine commandLine = StarterOptions.commandLine();
        if (args.length == 0) {
            commandLine.usage(System.out);
            System.exit(2);
            return;
        }
        StarterOptions options;
        try {
            options = StarterOptions.parse(commandLine, args);
        } catch (IllegalArgumentException e) {
            System.err.println("train-starter: " + e.getMessage());
            commandLine.usage(System.err);
            System.exit(2);
            return;
        }
        if (commandLine.isUsageHelpRequested()) {
            commandLine.usage(System.out);
            System.exit(0);
            return;
        }
        // SIGTERM or Ctrl-C: stop between two steps. Exiting while a step runs in libtorch's native code tears the
        // library down under it (a SIGSEGV in getAccelerator, seen when a training was stopped mid-step).
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stop.set(true);
                            try {
                                finished.await(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "train-starter-stop"));
        int status;
        try {
            status = run(options, System.out, stop::get);
        } finally {
            finished.countDown();
        }
        System.exit(status);
    }

    /** @return the exit status: 0 published files, 1 a gate failed (the card says why) */
    static int run(StarterOptions options, PrintStream out) throws Exception {
        return run(options, out, () -> false);
    }

    /**
     * @param stopRequested asked after each step: when true the training stops there (the next run resumes from the
     *     last checkpoint)
     * @return the exit status: 0 published files, 1 a gate failed (the card says why), 3 stopped on request
     */
    static int run(StarterOptions options, PrintStream out, BooleanSupplier stopRequested) throws Exception {
        List<Path> photos = photos(options.photos(), out);
        List<Path> heldOut = heldOut(options.photos(), photos, options.holdOut());
        List<Path> train = photos.stream().filter(p -> !heldOut.contains(p)).toList();
        if (train.isEmpty()) {
            throw new IllegalArgumentException(
                    "every photo of " + options.photos() + " is held out; leave some to train on");
        }
        BufferedImage style = ImageDecoder.anySize().read(options.style());
        Files.createDirectories(options.out().resolve("previews"));
        DjlTrainingEngine engine = new DjlTrainingEngine(
                new EngineSettings(
                        new EngineSettings.Network(
                                options.trainWith(), options.lossNetwork(), null, flag(options.trainWith())),
                        new EngineSettings.Network(
                                options.judgeKind(), options.judgeNetwork(), null, flag(options.judgeKind())),
                        options.out().resolve("downloads"),
                        options.learningRate(),
                        options.bounds(),
                        options.maxSide(),
                        options.warmUpSteps(),
                        options.decayFrom(),
                        options.adversarial()),
                "starter");
        out.printf(
                Locale.ROOT,
                "Training %s on %s: %d photos, %d held out %s; %d steps, width %d, batch %d, %d px crops%n",
                options.styleId(),
                engine.device(),
                train.size(),
                heldOut.size(),
                names(heldOut),
                options.training().steps(),
                options.training().width(),
                options.training().batchSize(),
                options.training().imageSize());

        StarterProgress progress = new StarterProgress(options, out, stopRequested);
        TrainingPlan plan = new TrainingPlan(
                "starter-" + options.styleId(),
                options.styleId(),
                style,
                options.training(),
                null,
                options.checkpointEvery(),
                options.previewEvery(),
                options.seed());
        ModelCard card = new ModelCard(options, engine.device(), train.size(), names(heldOut), progress);
        TrainedModel model;
        ContentPhotos content =
                ContentPhotos.ofFiles(train, heldOut, options.training().imageSize(), options.maxSide());
        try {
            model = engine.train(
                    plan, content, new FileCheckpoints(options.out().resolve("checkpoint")), progress);
        } catch (TrainingStoppedException stopped) {
            out.println(stopped.getMessage() + ": run the same command to resume from the last checkpoint (every "
                    + options.checkpointEvery() + " steps)");
            return 3;
        } catch (TrainingFailure failure) {
            Files.writeString(options.out().resolve("MODEL_CARD.md"), card.failed(failure));
            out.println("FAILED (" + failure.code() + "): " + failure.getMessage());
            out.println("No model written; the figures are in " + options.out().resolve("MODEL_CARD.md"));
            return 1;
        }
        Files.write(options.out().resolve("model.onnx"), model.onnx());
        Files.write(options.out().resolve("preview.jpg"), model.preview());
        String text = card.published(model);
        if (options.reference() != null) {
            out.println("Comparing with the reference model " + options.reference() + " ...");
            List<ReferenceComparison.Row> rows = ReferenceComparison.compare(
                    model.onnx(),
                    Files.readAllBytes(options.reference()),
                    style,
                    content.heldOut(),
                    options.maxSide(),
                    List.of(
                            new String[] {SqueezeNet.NAME, options.squeezeNet()},
                            new String[] {Vgg19Relu31.NAME, options.vgg()}),
                    options.out().resolve("downloads"));
            text += ReferenceComparison.markdown(
                    options.reference().getFileName().toString(),
                    rows,
                    content.heldOut().size());
        }
        Files.writeString(options.out().resolve("MODEL_CARD.md"), text);
        out.printf(
                Locale.ROOT,
                "Wrote %s (%d bytes), preview.jpg and MODEL_CARD.md to %s%n",
                "model.onnx",
                model.onnx().length,
                options.out());
        return 0;
    }

    private static String flag(String networkKind) {
        return networkKind.equals(SqueezeNet.NAME) ? "--squeezenet" : "--vgg";
    }

    /** JPEG and PNG files under the folder (any depth) large enough to crop, sorted by path. */
    static List<Path> photos(Path folder, PrintStream out) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no such folder: " + folder);
        }
        List<Path> usable = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(StarterTraining::isImage)
                    .sorted()
                    .toList()) {
                int[] size = size(file);
                if (size == null || Math.min(size[0], size[1]) < MIN_SIDE) {
                    out.println("  skipped " + folder.relativize(file)
                            + (size == null ? ": not a JPEG or PNG" : ": too small"));
                } else {
                    usable.add(file);
                }
            }
        }
        if (usable.size() < 2) {
            throw new IllegalArgumentException(
                    folder + " holds " + usable.size() + " usable photo(s); at least 2 are needed");
        }
        return usable;
    }

    /** Those matching a glob, else the few with the smallest SHA-256 (one per 40, 1 to 8), as the dataset importer does. */
    static List<Path> heldOut(Path folder, List<Path> photos, List<String> globs) throws IOException {
        if (!globs.isEmpty()) {
            List<PathMatcher> matchers = globs.stream()
                    .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g))
                    .toList();
            List<Path> held = photos.stream()
                    .filter(p -> matchers.stream().anyMatch(m -> m.matches(folder.relativize(p))))
                    .toList();
            if (held.isEmpty()) {
                throw new IllegalArgumentException("no photo matches the hold-out patterns " + globs);
            }
            return held;
        }
        int count = Math.max(1, Math.min(8, photos.size() / 40));
        List<String[]> digests = new ArrayList<>();
        for (Path photo : photos) {
            digests.add(new String[] {ModelCard.sha256(Files.readAllBytes(photo)), photo.toString()});
        }
        return digests.stream()
                .sorted(Comparator.comparing((String[] d) -> d[0]))
                .limit(count)
                .map(d -> Path.of(d[1]))
                .toList();
    }

    private static boolean isImage(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Width and height from the header, without decoding the pixels; null when no reader takes the file. */
    private static int[] size(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            var readers = ImageIO.getImageReaders(in);
            if (in == null || !readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        }
    }

    private static List<String> names(List<Path> files) {
        return files.stream().map(p -> p.getFileName().toString()).toList();
    }
}
