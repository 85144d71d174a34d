import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.GradientCollector;
import dev.atelier.imaging.ImageDecoder;
import dev.atelier.imaging.Resizing;
import dev.atelier.trainer.imaging.ImageArrays;
import dev.atelier.trainer.loss.LossNetwork;
import dev.atelier.trainer.loss.LossNetworkSource;
import dev.atelier.trainer.loss.LossNetworks;
import dev.atelier.trainer.loss.LossTerms;
import dev.atelier.trainer.loss.PerceptualLoss;
import dev.atelier.trainer.network.NetworkWeights;
import dev.atelier.trainer.network.TransformerNet;
import dev.atelier.trainer.network.TransformerNetSpec;
import dev.atelier.trainer.training.ComputeDevice;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Which content weight makes a known-good model a resting point of the trainer's loss: at the weights of a
 * reference model (pytorch/examples' fast_neural_style, trained with VGG-16), the gradient of each loss term
 * with respect to the network's parameters is taken on real photos, and the content weight c that minimises
 * |c g_content + s g_style + t g_tv| (s, t the network's defaults) is printed, with the terms' values. A loss
 * whose weights leave the reference far from rest trains towards something else.
 *   bench/calibrate-loss.sh --reference NPZ --style PAINTING --photos DIR [--network squeezenet1.1|vgg19_normalised_relu3_1]
 *       [--weights PATH] [--size 256] [--count 4] [--style-size 256] [--init WIDTH: an untrained network instead]
 */
public class LossCalibration {
    public static void main(String[] args) throws Exception {
        Map<String, String> o = new java.util.HashMap<>(Map.of("network", "squeezenet1.1", "size", "256", "count", "4",
                "style-size", "256"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        for (String required : List.of("reference", "style", "photos", "weights")) {
            if (!o.containsKey(required) || !Files.exists(Path.of(o.get(required)))) {
                System.out.println("skipped: --" + required + " " + o.get(required) + " does not exist");
                return;
            }
        }
        int size = Integer.parseInt(o.get("size"));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of(o.get("photos")))) {
            files = walk.filter(p -> p.toString().matches("(?i).*\\.(jpe?g|png)$")).sorted().limit(Integer.parseInt(o.get("count")))
                    .toList();
        }
        List<BufferedImage> photos = new ArrayList<>();
        for (Path file : files) {
            BufferedImage image = ImageDecoder.anySize().read(file);
            int side = Math.min(image.getWidth(), image.getHeight());
            photos.add(Resizing.resize(image.getSubimage((image.getWidth() - side) / 2, (image.getHeight() - side) / 2, side, side), size, size));
        }
        ComputeDevice device = ComputeDevice.cpu();
        try (NDManager manager = device.newManager();
                LossNetwork network = LossNetworks.load(new LossNetworkSource(o.get("network"), o.get("weights"), null, null),
                        manager)) {
            // --init W: an untrained network of base width W instead, to see whether the loss can start a training.
            TransformerNet net = o.containsKey("init")
                    ? TransformerNet.create(new TransformerNetSpec(Integer.parseInt(o.get("init"))), manager)
                    : TransformerNet.fromWeights(NetworkWeights.readNpz(Path.of(o.get("reference")), manager), manager);
            BufferedImage style = Resizing.fitMultipleOf4(ImageDecoder.anySize().read(Path.of(o.get("style"))),
                    Integer.parseInt(o.get("style-size")));
            var weights = network.defaultWeights();
            try (PerceptualLoss loss = new PerceptualLoss(network, weights, ImageArrays.toArray(manager, style))) {
                NDArray batch = ImageArrays.toArray(manager, photos);
                Map<String, NDArray> params = net.parameterArrays();
                float[][] grads = new float[3][];
                float[] values = new float[3];
                List<Function<LossTerms, NDArray>> terms = List.of(LossTerms::content, LossTerms::style, LossTerms::tv);
                for (int t = 0; t < 3; t++) {
                    params.values().forEach(p -> p.getGradient().set(new NDIndex("..."), 0f));
                    try (GradientCollector collector = Engine.getEngine(ComputeDevice.ENGINE).newGradientCollector()) {
                        LossTerms computed = loss.compute(net.forward(batch), batch);
                        NDArray term = terms.get(t).apply(computed);
                        values[t] = term.getFloat();
                        collector.backward(term);
                    }
                    grads[t] = flatten(params);
                }
                double s = weights.styleWeight();
                double tv = weights.tvWeight();
                double[] rest = new double[grads[0].length];
                for (int i = 0; i < rest.length; i++) {
                    rest[i] = s * grads[1][i] + tv * grads[2][i];
                }
                double c = -dot(grads[0], rest) / dot(grads[0], grads[0]);
                System.out.printf(Locale.ROOT, "%s on %s, %d photos at %d px, style image %s at %s px%n", o.get("network"),
                        o.containsKey("init") ? "an untrained width-" + o.get("init") + " network" : Path.of(o.get("reference")).getFileName(), photos.size(), size, Path.of(o.get("style")).getFileName(),
                        o.get("style-size"));
                System.out.printf(Locale.ROOT, "  at these weights: content %.4f, style %.4f, tv %.5f (defaults: content layer %s, "
                        + "style weight %.1f, tv weight %.1f)%n", values[0], values[1], values[2], weights.contentLayer(), s, tv);
                System.out.printf(Locale.ROOT, "  |g_content| %.4g, |g_style| %.4g, |g_tv| %.4g, cos(content, style) %.3f%n",
                        norm(grads[0]), norm(grads[1]), norm(grads[2]), dot(grads[0], grads[1]) / norm(grads[0]) / norm(grads[1]));
                for (double weight : new double[] {1, 2, 5, 10, 20, 50, c}) {
                    double residual = 0;
                    for (int i = 0; i < rest.length; i++) {
                        double g = weight * grads[0][i] + rest[i];
                        residual += g * g;
                    }
                    System.out.printf(Locale.ROOT, "  content weight %8.3f%s: |gradient of the total| %.4g%n", weight,
                            weight == c ? " (best)" : "", Math.sqrt(residual));
                }
            }
        }
    }

    private static float[] flatten(Map<String, NDArray> params) {
        List<float[]> parts = new ArrayList<>();
        int total = 0;
        for (NDArray p : params.values()) {
            float[] g = p.getGradient().toFloatArray();
            parts.add(g);
            total += g.length;
        }
        float[] all = new float[total];
        int at = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }

    private static double dot(float[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double norm(float[] a) {
        return Math.sqrt(dot(a, a));
    }
}
