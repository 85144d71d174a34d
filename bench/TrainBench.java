import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.atelier.trainer.loss.LossNetwork;
import dev.atelier.trainer.loss.LossNetworkSource;
import dev.atelier.trainer.loss.LossNetworks;
import dev.atelier.trainer.network.TransformerNet;
import dev.atelier.trainer.network.TransformerNetSpec;
import dev.atelier.trainer.onnx.OnnxExporter;
import dev.atelier.trainer.onnx.OnnxRunner;
import dev.atelier.trainer.training.ComputeDevice;
import dev.atelier.trainer.training.RandomCropSource;
import dev.atelier.trainer.training.StyleTrainer;
import dev.atelier.trainer.training.TrainingSettings;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Training speed of the trainer's engine on this machine: images per second of one optimisation step (forward,
 * perceptual loss through SqueezeNet, backward, Adam) at 256 px crops for base widths 8, 16 and 32, and of the
 * transform network's forward pass alone in DJL (PyTorch) against ONNX Runtime on the same weights, with the
 * ratio, all in one run. Run through bench/train.sh. Photos and painting are generated noise: the speed does
 * not depend on what the pixels show.
 */
public class TrainBench {
    public static void main(String[] args) throws Exception {
        int steps = 6;
        int batch = 2;
        int size = 256;
        List<Integer> widths = List.of(8, 16, 32);
        String weights = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--steps" -> steps = Integer.parseInt(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--size" -> size = Integer.parseInt(args[++i]);
                case "--widths" -> widths = java.util.Arrays.stream(args[++i].split(",")).map(Integer::parseInt).toList();
                case "--loss-network" -> weights = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (weights == null || !Files.exists(Path.of(weights))) {
            System.out.println("skipped: no SqueezeNet weights at " + weights
                    + " (pass --loss-network, default ../shared/models/loss_networks/squeezenet1.1/weights_npy)");
            return;
        }
        ComputeDevice device = ComputeDevice.cpu();
        System.out.printf(Locale.ROOT, "device %s, %d cores, PyTorch threads %s, crops %d px, batch %d, %d timed steps%n",
                device.description(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("ai.djl.pytorch.num_threads", "default"), size, batch, steps);
        List<BufferedImage> photos = List.of(noise(640, 480, 1), noise(800, 600, 2), noise(512, 512, 3));
        BufferedImage style = noise(512, 512, 4);
        System.out.println("width | train step img/s | forward DJL img/s | forward ORT img/s | DJL/ORT");
        try (NDManager manager = device.newManager();
                LossNetwork loss = LossNetworks.load(new LossNetworkSource("squeezenet1.1", weights, null, null), manager)) {
            for (int width : widths) {
                double train;
                try (StyleTrainer trainer = new StyleTrainer(new TrainingSettings(width, steps + 2, batch, 1e-3f, size, null, 1L),
                        loss, style, new RandomCropSource(photos, size, 0.5, 7L), device)) {
                    trainer.step(); // warm-up: allocations, kernels chosen
                    trainer.step();
                    long start = System.nanoTime();
                    for (int s = 0; s < steps; s++) {
                        trainer.step();
                    }
                    train = steps * batch / ((System.nanoTime() - start) / 1e9);
                }
                double[] forward = forward(width, size, manager, steps);
                System.out.printf(Locale.ROOT, "%5d | %16.2f | %17.2f | %17.2f | %7.2f%n", width, train, forward[0], forward[1],
                        forward[0] / forward[1]);
            }
        }
    }

    /** Images per second of the forward pass at batch 1: DJL, then ONNX Runtime on the exported same weights. */
    static double[] forward(int width, int size, NDManager parent, int runs) throws Exception {
        try (NDManager manager = parent.newSubManager()) {
            TransformerNet net = TransformerNet.create(new TransformerNetSpec(width), manager);
            float[] input = new float[3 * size * size];
            SplittableRandom random = new SplittableRandom(5);
            for (int i = 0; i < input.length; i++) {
                input[i] = (float) random.nextDouble(255);
            }
            NDArray x = manager.create(input, new Shape(1, 3, size, size));
            net.forward(x).close();
            long start = System.nanoTime();
            for (int r = 0; r < runs; r++) {
                net.forward(x).toFloatArray();
            }
            double djl = runs / ((System.nanoTime() - start) / 1e9);
            try (OnnxRunner ort = new OnnxRunner(new OnnxExporter("bench").export(net, Map.of()), OnnxExporter.INPUT,
                    OnnxExporter.OUTPUT)) {
                long[] shape = {1, 3, size, size};
                ort.run(input, shape);
                start = System.nanoTime();
                for (int r = 0; r < runs; r++) {
                    ort.run(input, shape);
                }
                return new double[] {djl, runs / ((System.nanoTime() - start) / 1e9)};
            }
        }
    }

    static BufferedImage noise(int w, int h, long seed) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        SplittableRandom random = new SplittableRandom(seed);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }
}
