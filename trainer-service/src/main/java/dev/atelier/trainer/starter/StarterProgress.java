package dev.atelier.trainer.starter;

import dev.atelier.trainer.engine.ProgressListener;
import dev.atelier.trainer.engine.TrainingStoppedException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Prints progress lines, writes previews, and keeps the figures the model card reports. */
final class StarterProgress implements ProgressListener {
    private static final int RECENT = 100;

    private final StarterOptions options;
    private final PrintStream out;
    private final BooleanSupplier stopRequested;
    private final Deque<Map<String, Double>> recent = new ArrayDeque<>();
    private final long started = System.nanoTime();
    private long intervalStart = System.nanoTime();
    private int intervalFrom = -1;
    private Integer firstStep;
    private int lastStep;
    private long firstStepAt;
    private long lastStepAt;
    private Map<String, Double> firstLosses;

    StarterProgress(StarterOptions options, PrintStream out, BooleanSupplier stopRequested) {
        this.options = options;
        this.out = out;
        this.stopRequested = stopRequested;
    }

    @Override
    public void onStep(int step, Map<String, Double> losses) {
        lastStepAt = System.nanoTime();
        if (firstStep == null) {
            firstStep = step;
            firstStepAt = lastStepAt;
            firstLosses = losses;
            intervalFrom = step - 1;
        }
        lastStep = step;
        recent.addLast(losses);
        if (recent.size() > RECENT) {
            recent.removeFirst();
        }
        if (step % options.logEvery() == 0 || step == options.training().steps()) {
            double seconds = (System.nanoTime() - intervalStart) / 1e9;
            double imagesPerSecond = (step - intervalFrom) * options.training().batchSize() / seconds;
            long eta = Math.round(
                    (options.training().steps() - step) * options.training().batchSize() / imagesPerSecond);
            out.printf(
                    Locale.ROOT,
                    "step %d/%d  content %.4f  style %.4f  tv %.5f  total %.4f%s  %.2f images/s  ETA %d s%n",
                    step,
                    options.training().steps(),
                    losses.get("content"),
                    losses.get("style"),
                    losses.get("tv"),
                    losses.get("total"),
                    losses.containsKey("adversarial")
                            ? String.format(
                                    Locale.ROOT,
                                    "  adversarial %.4f  discriminator %.4f",
                                    losses.get("adversarial"),
                                    losses.get("discriminator"))
                            : "",
                    imagesPerSecond,
                    eta);
            intervalStart = System.nanoTime();
            intervalFrom = step;
        }
        if (stopRequested.getAsBoolean()) {
            throw new TrainingStoppedException(
                    "Stopped at step " + step + " of " + options.training().steps());
        }
    }

    @Override
    public void onPreview(int step, byte[] jpeg) {
        try {
            Files.write(
                    options.out().resolve("previews").resolve(String.format(Locale.ROOT, "step-%06d.jpg", step)), jpeg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Steps this run did (after any resume). */
    int stepsRun() {
        return firstStep == null ? 0 : lastStep - firstStep + 1;
    }

    Integer firstStep() {
        return firstStep;
    }

    int lastStep() {
        return lastStep;
    }

    /** Wall time since the command started (loading, training, gates). */
    double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    /** Images per second between the first and the last step this run reported; null with fewer than 2 steps. */
    Double imagesPerSecond() {
        if (firstStep == null || lastStep == firstStep) {
            return null;
        }
        return (double) (lastStep - firstStep) * options.training().batchSize() / ((lastStepAt - firstStepAt) / 1e9);
    }

    Map<String, Double> firstLosses() {
        return firstLosses;
    }

    /** Mean of each loss term over the last (up to) 100 steps. */
    Map<String, Double> recentMeans() {
        Map<String, Double> means = new LinkedHashMap<>();
        for (Map<String, Double> losses : recent) {
            losses.forEach((k, v) -> means.merge(k, v / recent.size(), Double::sum));
        }
        return means;
    }

    int recentCount() {
        return recent.size();
    }
}
