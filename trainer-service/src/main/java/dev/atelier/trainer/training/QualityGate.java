package dev.atelier.trainer.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides whether a trained network may be published, from its held-out figures under each judge (the loss network
 * it was trained with and an independent one). Losses are compared with two yardsticks measured on the same photos by
 * the same judge, so that one set of bounds fits judges whose losses differ in scale:
 * <ul>
 *   <li>an untrained network of the same width and seed: training must have cut the style loss to at most
 *       {@link Bounds#maxStyleRatio()} of it, and may not have raised the content loss beyond
 *       {@link Bounds#maxContentRatio()} times it (which only a broken, diverged network does);
 *   <li>the photos left as they are: the style loss must be at most {@link Bounds#maxPhotoStyleRatio()} of theirs,
 *       so a network that returns the photo (nearly) unchanged fails.
 * </ul>
 * and the trade-off between the two: the content ratio (to the untrained network's) times the style ratio (to the
 * photos') must be at most {@link Bounds#maxTradeOff()}. A model may give up much of the photo only if it buys much
 * style with it: the trade-off is what fails a model that turns edges into outlines over a smear.
 * A figure that is not a finite number fails every bound. Every judge must pass.
 */
public final class QualityGate {
    private final Bounds bounds;

    public QualityGate(Bounds bounds) {
        this.bounds = bounds;
    }

    /**
     * The bounds, calibrated with {@code bench/gate-calibration.sh}: the 7 photos of {@code ../shared/images/content}
     * (nobody here trained on them) at 384 px, under SqueezeNet 1.1 and the VGG-19 (relu3_1). The reference models of
     * {@code ../shared} (pytorch_nc16 candy, mosaic, udnie: width 16, 2 epochs of COCO) have style ratios of 0.05 to 0.24
     * to an untrained network and 0.08 to 0.48 to the photos, content ratios of 0.26 to 3.4 (mosaic under the VGG) and
     * trade-offs of 0.054 to 0.31 (candy under SqueezeNet; mosaic 0.28 under the VGG). The first starter models (1000
     * CPU steps, SqueezeNet, content weight 10) have trade-offs under the VGG of 0.60 (udnie), 0.36 (the-scream), 1.29
     * (great-wave) and 0.17 (shipwreck). Figures of both, per model and judge: trainer-service/README.md. Both style
     * ratios grow as photos are judged smaller, so judge at 256 px or more.
     *
     * @param maxStyleRatio highest style loss as a fraction of the untrained network's
     * @param maxPhotoStyleRatio highest style loss as a fraction of the unstylised photos'
     * @param maxContentRatio highest content loss as a multiple of the untrained network's
     * @param maxTradeOff highest content ratio (to the untrained network's) times style ratio (to the photos')
     */
    public record Bounds(double maxStyleRatio, double maxPhotoStyleRatio, double maxContentRatio, double maxTradeOff) {
        public static final Bounds DEFAULTS = new Bounds(0.5, 0.8, 8.0, 0.33);

        public Bounds {
            if (!(maxStyleRatio > 0 && maxPhotoStyleRatio > 0 && maxContentRatio > 0 && maxTradeOff > 0)) {
                throw new IllegalArgumentException("quality bounds must be > 0: style ratio " + maxStyleRatio
                        + ", photo style ratio " + maxPhotoStyleRatio + ", content ratio " + maxContentRatio
                        + ", trade-off " + maxTradeOff);
            }
        }
    }

    /**
     * One judge's figures on the held-out photos.
     *
     * @param trained the trained network's
     * @param untrained an untrained network's of the same width, initialised with the training's seed
     * @param photos the unstylised photos' (content loss 0)
     */
    public record JudgeFigures(QualityReport trained, QualityReport untrained, QualityReport photos) {
        public String judge() {
            return trained.judge();
        }
    }

    /**
     * @param passed whether every judge passed every bound
     * @param figures what the manifest publishes: per judge {@code <judge>.styleLoss}, {@code .contentLoss},
     *     {@code .untrainedStyleLoss}, {@code .untrainedContentLoss}, {@code .photoStyleLoss}; and {@code heldOutPhotos}
     * @param description one line per judge with its ratios and bounds, the reason recorded when the gate fails
     */
    public record Verdict(boolean passed, Map<String, Double> figures, String description) {}

    public Verdict judge(List<JudgeFigures> judges) {
        if (judges.isEmpty()) {
            throw new IllegalArgumentException("the quality gate needs at least one judge");
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        boolean passed = true;
        for (JudgeFigures j : judges) {
            String name = j.judge();
            figures.put(name + ".styleLoss", j.trained().styleLoss());
            figures.put(name + ".contentLoss", j.trained().contentLoss());
            figures.put(name + ".untrainedStyleLoss", j.untrained().styleLoss());
            figures.put(name + ".untrainedContentLoss", j.untrained().contentLoss());
            figures.put(name + ".photoStyleLoss", j.photos().styleLoss());
            double styleRatio = j.trained().styleLoss() / j.untrained().styleLoss();
            double photoRatio = j.trained().styleLoss() / j.photos().styleLoss();
            double contentRatio = j.trained().contentLoss() / j.untrained().contentLoss();
            double tradeOff = contentRatio * photoRatio;
            boolean ok = within(styleRatio, bounds.maxStyleRatio())
                    && within(photoRatio, bounds.maxPhotoStyleRatio())
                    && within(contentRatio, bounds.maxContentRatio())
                    && within(tradeOff, bounds.maxTradeOff());
            passed &= ok;
            lines.add(String.format(
                    Locale.ROOT,
                    "%s: style loss %.4f = %.3f of an untrained net's (bound %.3f) and %.3f of the "
                            + "photos' (bound %.3f), content loss %.4f = %.3f of an untrained net's (bound %.3f), trade-off %.3f "
                            + "(bound %.3f): %s",
                    name,
                    j.trained().styleLoss(),
                    styleRatio,
                    bounds.maxStyleRatio(),
                    photoRatio,
                    bounds.maxPhotoStyleRatio(),
                    j.trained().contentLoss(),
                    contentRatio,
                    bounds.maxContentRatio(),
                    tradeOff,
                    bounds.maxTradeOff(),
                    ok ? "passed" : "FAILED"));
        }
        figures.put("heldOutPhotos", (double) judges.get(0).trained().photos());
        return new Verdict(
                passed,
                figures,
                "quality gate on " + judges.get(0).trained().photos() + " held-out photo(s): "
                        + String.join("; ", lines));
    }

    private static boolean within(double ratio, double bound) {
        return Double.isFinite(ratio) && ratio <= bound;
    }
}
