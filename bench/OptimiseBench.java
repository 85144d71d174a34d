import ai.djl.ndarray.NDManager;
import dev.atelier.imaging.ImageDecoder;
import dev.atelier.imaging.Resizing;
import dev.atelier.trainer.loss.LossNetwork;
import dev.atelier.trainer.loss.LossNetworkSource;
import dev.atelier.trainer.loss.LossNetworks;
import dev.atelier.trainer.onnx.OnnxRunner;
import dev.atelier.trainer.training.ComputeDevice;
import dev.atelier.trainer.training.GatysOptimizer;
import dev.atelier.trainer.training.QualityEvaluation;
import dev.atelier.trainer.training.QualityReport;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Seconds to quality of optimisation jobs (Gatys et al., the trainer's GatysOptimizer with the job's defaults) on this
 * machine: for each loss network, side, painting and held-out photo, the steps and seconds until the picture's style
 * loss under the VGG judge is at most --target (0.3) of the untouched photo's, and its content loss under the judge
 * then, against the bound the reference feed-forward models set on the same photos (the largest of their content
 * losses: pictures whose structure is known to be recognisable). Judging is not timed. --coarse-steps N first runs N
 * steps at half the side and starts the full-size run from their result (multi-scale). The pictures go to --out.
 *   bench/optimise.sh [--sides 256,512] [--networks squeezenet1.1,vgg19_normalised_relu3_1] [--paintings a,b]
 *       [--photos x,y] [--max-steps 500] [--check-every 10] [--target 0.3] [--coarse-steps 0] [--methods adam,lbfgs]
 *       [--out DIR]
 */
public class OptimiseBench {
    /** Thrown by the step listener once the target is reached. */
    private static final class Reached extends RuntimeException {
        Reached() {
            super(null, null, false, false);
        }
    }

    public static void main(String[] args) throws Exception {
        Path shared = Path.of("../shared");
        List<Integer> sides = List.of(256, 512);
        List<String> networks = List.of("squeezenet1.1", "vgg19_normalised_relu3_1");
        List<String> paintings = List.of("starry_night", "the_scream");
        List<String> photos = List.of("chicago", "golden_gate");
        int maxSteps = 500;
        int checkEvery = 10;
        double target = 0.3;
        int coarseSteps = 0;
        List<GatysOptimizer.Method> methods = List.of(GatysOptimizer.Method.ADAM);
        Path out = Path.of("target/optimise-bench");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--shared" -> shared = Path.of(args[++i]);
                case "--sides" -> sides = List.of(args[++i].split(",")).stream().map(Integer::valueOf).toList();
                case "--networks" -> networks = List.of(args[++i].split(","));
                case "--paintings" -> paintings = List.of(args[++i].split(","));
                case "--photos" -> photos = List.of(args[++i].split(","));
                case "--max-steps" -> maxSteps = Integer.parseInt(args[++i]);
                case "--check-every" -> checkEvery = Integer.parseInt(args[++i]);
                case "--target" -> target = Double.parseDouble(args[++i]);
                case "--coarse-steps" -> coarseSteps = Integer.parseInt(args[++i]);
                case "--methods" -> methods = List.of(args[++i].split(",")).stream()
                        .map(m -> GatysOptimizer.Method.valueOf(m.toUpperCase(Locale.ROOT)))
                        .toList();
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Files.createDirectories(out);
        Map<String, String> weights = Map.of(
                "squeezenet1.1", shared.resolve("models/loss_networks/squeezenet1.1/weights_npy").toString(),
                "vgg19_normalised_relu3_1",
                shared.resolve("models/loss_networks/vgg19_normalised_relu3_1/vgg19_normalised_relu3_1.npz")
                        .toString());
        Map<String, BufferedImage> photoImages = new LinkedHashMap<>();
        for (String name : photos) {
            photoImages.put(name, read(shared.resolve("images/content"), name));
        }
        Map<String, BufferedImage> paintingImages = new LinkedHashMap<>();
        for (String name : paintings) {
            paintingImages.put(name, read(shared.resolve("images/style"), name));
        }
        try (NDManager manager = ComputeDevice.cpu().newManager();
                LossNetwork judge = LossNetworks.load(
                        new LossNetworkSource("vgg19_normalised_relu3_1", weights.get("vgg19_normalised_relu3_1"), null, null),
                        manager)) {
            System.out.printf(
                    Locale.ROOT,
                    "judge %s; target: style loss <= %.2f of the photo's; %s photos %s; paintings %s; %d threads%n",
                    judge.name(), target, photos.size(), photos, paintings, Runtime.getRuntime().availableProcessors());
            for (int side : sides) {
                System.out.printf(Locale.ROOT, "content bound at %d px: %.4f (the largest content loss of the"
                        + " reference nc16 models candy, mosaic, udnie on these photos)%n", side,
                        contentBound(manager, judge, shared, new ArrayList<>(photoImages.values()), side));
            }
            System.out.println("| loss network | method | side | painting | photo | steps | seconds | s/step | style / photo's | content | ");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|");
            for (String kind : networks) {
                try (LossNetwork network = LossNetworks.load(new LossNetworkSource(kind, weights.get(kind), null, null), manager)) {
                    for (int side : sides) {
                        for (Map.Entry<String, BufferedImage> painting : paintingImages.entrySet()) {
                            for (Map.Entry<String, BufferedImage> photo : photoImages.entrySet()) {
                                for (GatysOptimizer.Method method : methods) {
                                    run(manager, network, method, judge, side, painting, photo, maxSteps, checkEvery,
                                            target, coarseSteps, out);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static void run(
            NDManager manager,
            LossNetwork network,
            GatysOptimizer.Method method,
            LossNetwork judge,
            int side,
            Map.Entry<String, BufferedImage> painting,
            Map.Entry<String, BufferedImage> photo,
            int maxSteps,
            int checkEvery,
            double target,
            int coarseSteps,
            Path out) throws Exception {
        double photoStyle = QualityEvaluation.evaluatePicture(
                        manager, judge, judge.defaultWeights(), painting.getValue(), photo.getValue(), photo.getValue(), side)
                .styleLoss();
        long start = System.nanoTime();
        BufferedImage coarse = null;
        if (coarseSteps > 0) {
            coarse = new GatysOptimizer(network, network.defaultWeights(), coarseSteps, GatysOptimizer.DEFAULT_LEARNING_RATE,
                            side / 2, 1.0, method)
                    .stylise(photo.getValue(), painting.getValue(), manager, (step, outcome, picture) -> {});
        }
        long[] judging = {0};
        int[] reachedAt = {-1};
        QualityReport[] last = {null};
        BufferedImage[] picture = {null};
        try {
            new GatysOptimizer(network, network.defaultWeights(), maxSteps, GatysOptimizer.DEFAULT_LEARNING_RATE, side, 1.0,
                            method)
                    .stylise(photo.getValue(), painting.getValue(), coarse, manager, (step, outcome, current) -> {
                        if (step % checkEvery != 0 && step != maxSteps) {
                            return;
                        }
                        long judgeStart = System.nanoTime();
                        picture[0] = current.get();
                        last[0] = QualityEvaluation.evaluatePicture(manager, judge, judge.defaultWeights(),
                                painting.getValue(), photo.getValue(), picture[0], side);
                        judging[0] += System.nanoTime() - judgeStart;
                        if (last[0].styleLoss() <= target * photoStyle) {
                            reachedAt[0] = step;
                            throw new Reached();
                        }
                    });
        } catch (Reached reached) {
            // The target is met: the clock stops here.
        }
        double seconds = (System.nanoTime() - start - judging[0]) / 1e9;
        int steps = reachedAt[0] > 0 ? reachedAt[0] : maxSteps;
        System.out.printf(
                Locale.ROOT,
                "| %s | %s | %d | %s | %s | %s%d | %.1f | %.2f | %.3f | %.4f |%n",
                network.name(), method.name().toLowerCase(Locale.ROOT), side, painting.getKey(), photo.getKey(), reachedAt[0] > 0 ? "" : "not reached in ",
                steps + (coarseSteps > 0 ? coarseSteps : 0), seconds, seconds / (steps + coarseSteps),
                last[0].styleLoss() / photoStyle, last[0].contentLoss());
        ImageIO.write(picture[0], "png", out.resolve(String.format(Locale.ROOT, "%s-%s-%d-%s-%s%s.png", network.name(),
                method.name().toLowerCase(Locale.ROOT), side, painting.getKey(), photo.getKey(),
                coarseSteps > 0 ? "-multiscale" : "")).toFile());
    }

    /** The largest content loss of the reference feed-forward models on the photos: a structure known to survive. */
    private static double contentBound(NDManager manager, LossNetwork judge, Path shared, List<BufferedImage> photos, int side)
            throws Exception {
        double bound = 0;
        for (String style : List.of("candy", "mosaic", "udnie")) {
            Path model = shared.resolve("models/fast_neural_style/pytorch_nc16/" + style + "_nc16.onnx");
            BufferedImage painting = read(shared.resolve("images/style"), style);
            try (OnnxRunner runner = OnnxRunner.of(Files.readAllBytes(model))) {
                for (BufferedImage photo : photos) {
                    bound = Math.max(bound, QualityEvaluation.evaluateOnnx(
                                    manager, runner, judge, judge.defaultWeights(), painting, List.of(photo), side)
                            .contentLoss());
                }
            }
        }
        return bound;
    }

    private static BufferedImage read(Path dir, String name) throws Exception {
        for (String extension : List.of(".jpg", ".png")) {
            Path file = dir.resolve(name + extension);
            if (Files.isRegularFile(file)) {
                return Resizing.shrink(ImageDecoder.anySize().read(file), 1024);
            }
        }
        throw new IllegalArgumentException("no " + name + ".jpg or .png in " + dir);
    }
}
