import ai.djl.ndarray.NDManager;
import dev.atelier.trainer.imaging.ImageArrays;
import dev.atelier.trainer.loss.LossNetwork;
import dev.atelier.trainer.loss.LossNetworkSource;
import dev.atelier.trainer.loss.LossNetworks;
import dev.atelier.trainer.network.TransformerNet;
import dev.atelier.trainer.network.TransformerNetSpec;
import dev.atelier.trainer.onnx.OnnxRunner;
import dev.atelier.trainer.training.ComputeDevice;
import dev.atelier.trainer.training.QualityEvaluation;
import dev.atelier.trainer.training.QualityReport;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The quality gate's yardsticks for ONNX style models: each model's held-out style and content loss under each judge,
 * as ratios to an untrained width-16 network's and to the unstylised photos', so bounds can be set that good models
 * pass and weak ones fail.
 *   bench/gate-calibration.sh --photos DIR [--side 384] [--squeezenet PATH] [--vgg PATH] NAME=PAINTING=MODEL.onnx ...
 */
public class GateCalibration {
    public static void main(String[] args) throws Exception {
        Path photosDir = null;
        int side = QualityEvaluation.DEFAULT_MAX_SIDE;
        String squeezeNet = null;
        String vgg = null;
        List<String[]> models = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--photos" -> photosDir = Path.of(args[++i]);
                case "--side" -> side = Integer.parseInt(args[++i]);
                case "--squeezenet" -> squeezeNet = args[++i];
                case "--vgg" -> vgg = args[++i];
                default -> models.add(args[i].split("=", 3));
            }
        }
        List<BufferedImage> photos = new ArrayList<>();
        try (Stream<Path> files = Files.list(photosDir)) {
            for (Path file : files.filter(p -> p.toString().matches("(?i).*\\.(jpe?g|png)$")).sorted().toList()) {
                photos.add(ImageArrays.fitMultipleOf4(ImageArrays.read(file), side));
            }
        }
        System.out.printf(Locale.ROOT, "%d held-out photos of %s at %d px%n", photos.size(), photosDir, side);
        System.out.println("| model | judge | style | content | style / untrained | style / photos | content / untrained |");
        System.out.println("|---|---|---|---|---|---|---|");
        String[][] judges = {{"squeezenet1.1", squeezeNet}, {"vgg19_normalised_relu3_1", vgg}};
        for (String[] judgeSource : judges) {
            try (NDManager manager = ComputeDevice.cpu().newManager();
                    LossNetwork judge = LossNetworks.load(new LossNetworkSource(judgeSource[0], judgeSource[1], null, null), manager)) {
                var weights = judge.defaultWeights();
                for (String[] model : models) {
                    BufferedImage painting = ImageArrays.read(Path.of(model[1]));
                    QualityReport untrained;
                    try (NDManager netManager = manager.newSubManager()) {
                        untrained = QualityEvaluation.evaluate(TransformerNet.create(new TransformerNetSpec(16), netManager), judge,
                                weights, painting, photos, side);
                    }
                    QualityReport unchanged = QualityEvaluation.evaluatePhotos(manager, judge, weights, painting, photos, side);
                    QualityReport trained;
                    try (OnnxRunner runner = OnnxRunner.of(Files.readAllBytes(Path.of(model[2])))) {
                        trained = QualityEvaluation.evaluateOnnx(manager, runner, judge, weights, painting, photos, side);
                    }
                    System.out.printf(Locale.ROOT, "| %s | %s | %.4f | %.4f | %.3f | %.3f | %.3f |%n", model[0], judge.name(),
                            trained.styleLoss(), trained.contentLoss(), trained.styleLoss() / untrained.styleLoss(),
                            trained.styleLoss() / unchanged.styleLoss(), trained.contentLoss() / untrained.contentLoss());
                }
            }
        }
    }
}
