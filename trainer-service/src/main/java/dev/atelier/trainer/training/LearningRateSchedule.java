package dev.atelier.trainer.training;

/**
 * Adam's step size over a training: constant, then a half cosine down to {@value #FLOOR} of it over the last part
 * of the run. At a constant step size the weights keep jumping around the minimum by the noise of two-crop batches;
 * annealing lets the last steps settle them, which lowers the style and content losses the gate measures at no cost
 * in steps. A function of the step alone, so a resumed training continues on the same curve.
 *
 * @param base the step size until the decay starts
 * @param steps the training's length
 * @param decayFrom the fraction of the steps after which the decay starts; 1 keeps the step size constant
 */
public record LearningRateSchedule(float base, int steps, float decayFrom) {
    /** The step size at the end, as a fraction of {@link #base}. */
    public static final float FLOOR = 0.02f;

    public LearningRateSchedule {
        if (!(base > 0) || steps < 0 || !(decayFrom >= 0 && decayFrom <= 1)) {
            throw new IllegalArgumentException("invalid learning-rate schedule: base " + base + ", steps " + steps
                    + ", decay from " + decayFrom + " (a fraction of the steps, 0 to 1)");
        }
    }

    /** The step size of step {@code step} (0-based). */
    public float at(int step) {
        int start = Math.round(decayFrom * steps);
        if (step < start || steps <= start) {
            return base;
        }
        double progress = Math.min(1.0, (double) (step - start) / (steps - start));
        return (float) (base * (FLOOR + (1 - FLOOR) * 0.5 * (1 + Math.cos(Math.PI * progress))));
    }
}
