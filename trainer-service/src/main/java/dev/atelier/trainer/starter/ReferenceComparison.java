package dev.atelier.trainer.starter;

import ai.djl.ndarray.NDManager;
import dev.atelier.trainer.loss.LossNetwork;
import dev.atelier.trainer.loss.LossNetworkSource;
import dev.atelier.trainer.loss.LossNetworks;
import dev.atelier.trainer.onnx.OnnxRunner;
import dev.atelier.trainer.training.ComputeDevice;
import dev.atelier.trainer.training.QualityEvaluation;
import dev.atelier.trainer.training.QualityReport;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Our model against a reference model of the same painting (pytorch/examples' {@code udnie_nc16}, say): both
 * exports run in ONNX Runtime on the same held-out photos and are judged by the same loss networks. A style
 * ratio under 1 means ours is nearer the painting's textures; a content ratio over 1 means ours keeps less
 * of the photo. The two trade against each other, so both are reported, never one alone.
 */
final class ReferenceComparison {
    record Row(String network, QualityReport ours, QualityReport reference) {
        double styleRatio() {
            return ours.styleLoss() / reference.styleLoss();
        }

        double contentRatio() {
            return ours.contentLoss() / reference.contentLoss();
        }
    }

    private ReferenceComparison() {}

    /** @param networks kind and weight location of each judge */
    static List<Row> compare(
            byte[] ours,
            byte[] reference,
            BufferedImage style,
            List<BufferedImage> heldOut,
            int maxSide,
            List<String[]> networks,
            Path dataDir)
            throws Exception {
        List<Row> rows = new ArrayList<>();
        for (String[] network : networks) {
            try (NDManager manager = ComputeDevice.cpu().newManager();
                    LossNetwork judge =
                            LossNetworks.load(new LossNetworkSource(network[0], network[1], null, dataDir), manager);
                    OnnxRunner a = OnnxRunner.of(ours);
                    OnnxRunner b = OnnxRunner.of(reference)) {
                rows.add(new Row(
                        judge.name(),
                        QualityEvaluation.evaluateOnnx(
                                manager, a, judge, judge.defaultWeights(), style, heldOut, maxSide),
                        QualityEvaluation.evaluateOnnx(
                                manager, b, judge, judge.defaultWeights(), style, heldOut, maxSide)));
            }
        }
        return rows;
    }

    static String markdown(String referenceName, List<Row> rows, int photos) {
        StringBuilder md = new StringBuilder();
        md.append("\n## Compared with the reference model\n\n")
                .append("`")
                .append(referenceName)
                .append("`, run in ONNX Runtime like ours, on the same ")
                .append(photos)
                .append(" held-out photo(s), judged with each network's default layers. Ratio = ours / reference.\n\n")
                .append(
                        "| judge | style loss, ours | style loss, reference | style ratio | content loss, ours | content loss, reference | content ratio |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %.4f | %.4f | %.3f | %.4f | %.4f | %.3f |%n",
                    row.network(),
                    row.ours().styleLoss(),
                    row.reference().styleLoss(),
                    row.styleRatio(),
                    row.ours().contentLoss(),
                    row.reference().contentLoss(),
                    row.contentRatio()));
        }
        return md.toString();
    }
}
