import ai.djl.ndarray.NDManager;
import dev.atelier.imaging.ImageDecoder;
import dev.atelier.imaging.Resizing;
import dev.atelier.trainer.loss.LossNetwork;
import dev.atelier.trainer.loss.LossNetworkSource;
import dev.atelier.trainer.loss.LossNetworks;
import dev.atelier.trainer.network.TransformerNetSpec;
import dev.atelier.trainer.onnx.OnnxRunner;
import dev.atelier.trainer.training.ComputeDevice;
import dev.atelier.trainer.training.QualityEvaluation;
import dev.atelier.trainer.training.QualityGate;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The quality gate's yardsticks for ONNX style models: each model's held-out style and content loss under each judge,
 * as ratios to an untrained width-16 network's (seed 1) and to the unstylised photos', and the trade-off, so bounds
 * can be set that good models pass and weak ones fail.
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
                photos.add(Resizing.fitMultipleOf4(ImageDecoder.anySize().read(file), side));
            }
        }
        System.out.printf(Locale.ROOT, "%d held-out photos of %s at %d px%n", photos.size(), photosDir, side);
        System.out.println("| model | judge | style | content | style / untrained | style / photos | content / untrained | trade-off |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        try (NDManager manager = ComputeDevice.cpu().newManager();
                LossNetwork squeeze = LossNetworks.load(new LossNetworkSource("squeezenet1.1", squeezeNet, null, null), manager);
                LossNetwork vggJudge = LossNetworks.load(new LossNetworkSource("vgg19_normalised_relu3_1", vgg, null, null), manager)) {
            for (String[] model : models) {
                BufferedImage painting = ImageDecoder.anySize().read(Path.of(model[1]));
                try (OnnxRunner runner = OnnxRunner.of(Files.readAllBytes(Path.of(model[2])))) {
                    for (QualityGate.JudgeFigures f : QualityEvaluation.gateFigures(manager, runner, new TransformerNetSpec(16), 1L,
                            List.of(squeeze, vggJudge), painting, photos, side)) {
                        double content = f.trained().contentLoss() / f.untrained().contentLoss();
                        double photo = f.trained().styleLoss() / f.photos().styleLoss();
                        System.out.printf(Locale.ROOT, "| %s | %s | %.4f | %.4f | %.3f | %.3f | %.3f | %.3f |%n", model[0], f.judge(),
                                f.trained().styleLoss(), f.trained().contentLoss(), f.trained().styleLoss() / f.untrained().styleLoss(),
                                photo, content, content * photo);
                    }
                }
            }
        }
    }
}
