package dev.atelier.trainer.engine;

import io.quarkus.arc.DefaultBean;
import jakarta.inject.Singleton;

/**
 * Stands in until a real {@link TrainingEngine} bean is in the build (any other implementation
 * replaces it): every training fails at once with {@code trainer.unavailable}, so a client reads
 * why in the training record instead of waiting for ever.
 */
@DefaultBean
@Singleton
public class UnavailableTrainingEngine implements TrainingEngine {
    public static final String CODE = "trainer.unavailable";

    @Override
    public String device() {
        return "none";
    }

    @Override
    public TrainedModel train(TrainingPlan plan, CheckpointStore checkpoints, ProgressListener progress) {
        throw new TrainingFailure(CODE, "this trainer build has no training implementation yet; submit the style again once it has");
    }
}
