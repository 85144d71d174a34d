package dev.atelier.trainer.engine;

import ai.onnxruntime.OrtException;
import dev.atelier.contracts.errors.ErrorCodes;
import dev.atelier.trainer.loss.LossNetwork;
import dev.atelier.trainer.network.TransformerNet;
import dev.atelier.trainer.onnx.OnnxExporter;
import dev.atelier.trainer.onnx.ParityGate;
import dev.atelier.trainer.onnx.ParityReport;
import dev.atelier.trainer.training.QualityEvaluation;
import dev.atelier.trainer.training.QualityGate;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Between the last step and publication: exports the network to ONNX, checks the export against the network on a
 * held-out photo (parity gate), measures it on every held-out photo under the loss network and the judge (quality
 * gate), and renders the preview. Either gate failing ends the training with a {@link TrainingFailure} carrying the
 * figures.
 */
final class ModelReview {
    private static final Logger LOG = Logger.getLogger(ModelReview.class);

    private ModelReview() {}

    /**
     * @param seed the training's seed: the untrained yardstick network is initialised with it
     * @param networks the loss network first, then the judge
     */
    static TrainedModel review(
            String trainingId,
            TransformerNet net,
            long seed,
            List<LossNetwork> networks,
            BufferedImage style,
            ContentPhotos photos,
            EngineSettings settings,
            String producerVersion,
            Map<String, String> metadata)
            throws OrtException {
        byte[] onnx = new OnnxExporter(producerVersion).export(net, metadata);
        ParityReport parity = new ParityGate(ParityGate.DEFAULT_BOUND, settings.maxSide())
                .check(net, onnx, photos.heldOut().get(0));
        LOG.infof("training %s: export parity: %s", trainingId, parity.describe());
        checkParity(parity);

        QualityGate.Verdict verdict = new QualityGate(settings.bounds())
                .judge(QualityEvaluation.gateFigures(net, seed, networks, style, photos.heldOut(), settings.maxSide()));
        LOG.infof("training %s: %s", trainingId, verdict.description());
        if (!verdict.passed()) {
            throw new TrainingFailure(ErrorCodes.QUALITY_BELOW_GATE, verdict.description());
        }
        Map<String, Double> quality = new LinkedHashMap<>(verdict.figures());
        quality.put("parityMaxAbsDiff", (double) parity.maxAbsDiff());
        return new TrainedModel(
                onnx,
                OnnxExporter.INPUT,
                OnnxExporter.OUTPUT,
                List.of(-1L, 3L, -1L, -1L),
                Previews.render(net, photos.heldOut().get(0)),
                quality);
    }

    /** @throws TrainingFailure {@code export.parity} with the report when it did not pass */
    static void checkParity(ParityReport parity) {
        if (!parity.passed()) {
            throw new TrainingFailure(ErrorCodes.EXPORT_PARITY, parity.describe());
        }
    }
}
