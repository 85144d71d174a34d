package dev.atelier.trainer.training;

import java.util.List;

/**
 * Told after every step of {@link StyleTrainer#run}, on the training thread: progress reports, checkpoints, previews,
 * logs. A listener that throws ends the run with its exception; that is how a stop request ends a training between
 * two steps (it resumes from its last checkpoint).
 */
@FunctionalInterface
public interface TrainingListener {
    void onStep(StepReport report);

    /** The listeners told one after another, in this order; one that throws keeps the later ones from hearing. */
    static TrainingListener all(TrainingListener... listeners) {
        List<TrainingListener> each = List.of(listeners);
        return report -> each.forEach(listener -> listener.onStep(report));
    }

    /** The listener told only of steps that are a multiple of {@code interval}. */
    static TrainingListener every(int interval, TrainingListener listener) {
        return report -> {
            if (report.step() % interval == 0) {
                listener.onStep(report);
            }
        };
    }
}
