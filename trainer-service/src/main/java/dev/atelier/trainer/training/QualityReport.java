package dev.atelier.trainer.training;

import java.util.Locale;

/**
 * How well a trained network does on held-out photos, as judged by one loss network.
 *
 * @param judge the loss network that measured
 * @param photos how many held-out photos were stylised
 * @param styleLoss mean unweighted style loss (relative Gram error; lower is closer to the style)
 * @param contentLoss mean unweighted content loss (relative feature error; lower keeps more of the photo)
 */
public record QualityReport(String judge, int photos, double styleLoss, double contentLoss) {
    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "%s on %d held-out photos: style %.4f, content %.4f",
                judge,
                photos,
                styleLoss,
                contentLoss);
    }
}
