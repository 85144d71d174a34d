package dev.atelier.trainer.loss;

import java.util.Locale;

/** The parts of a perceptual loss as numbers: unweighted style, content and total variation, weighted total. */
public record LossValues(float style, float content, float tv, float total) {
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "style %.4f, content %.4f, tv %.5f, total %.4f", style, content, tv, total);
    }
}
