import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

/**
 * Prints the inference time of one style model at a few image sizes, the way a worker runs it (ONNX
 * Runtime, all optimisations, N intra-op threads, one image per run, RGB 0..255 NCHW input), and the
 * images per second one worker can sustain from that. A command that prints figures, not a test.
 *
 *   bench/inference.sh MODEL.onnx [--threads 2] [--sizes 256,512,1024] [--runs 10] [--cuda]
 */
public final class InferenceBench {
    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: InferenceBench MODEL.onnx [--threads N] [--sizes 256,512] [--runs N] [--cuda]");
            System.exit(2);
        }
        String model = args[0];
        int threads = 2;
        int runs = 10;
        boolean cuda = false;
        int[] sizes = {256, 512, 1024};
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--sizes" -> sizes = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--cuda" -> cuda = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setIntraOpNumThreads(threads);
            if (cuda) {
                options.addCUDA(0);
            }
            try (OrtSession session = env.createSession(model, options)) {
                Map.Entry<String, NodeInfo> input = session.getInputInfo().entrySet().iterator().next();
                long[] declared = ((TensorInfo) input.getValue().getInfo()).getShape();
                System.out.printf("model %s, input %s %s, provider %s, intra-op threads %d, %d timed runs per size%n",
                        model, input.getKey(), Arrays.toString(declared), cuda ? "CUDA" : "CPU", threads, runs);
                System.out.printf("%-11s %10s %10s %10s %14s%n", "size", "median ms", "p90 ms", "min ms", "images/s/worker");
                for (int size : sizes) {
                    long h = declared[2] > 0 ? declared[2] : size;
                    long w = declared[3] > 0 ? declared[3] : size;
                    double[] ms = time(env, session, input.getKey(), h, w, runs);
                    Arrays.sort(ms);
                    double median = ms[ms.length / 2];
                    System.out.printf("%-11s %10.1f %10.1f %10.1f %14.2f%n", h + "x" + w, median,
                            ms[(int) Math.min(ms.length - 1, Math.ceil(ms.length * 0.9) - 1)], ms[0], 1000.0 / median);
                    if (declared[2] > 0) {
                        break; // a fixed-shape model has one size
                    }
                }
            }
        }
    }

    private static double[] time(OrtEnvironment env, OrtSession session, String name, long h, long w, int runs)
            throws Exception {
        float[] pixels = new float[(int) (3 * h * w)];
        Random random = new Random(42);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextFloat() * 255f;
        }
        double[] ms = new double[runs];
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(pixels), new long[] {1, 3, h, w})) {
            for (int i = -3; i < runs; i++) { // three warm-up runs
                long start = System.nanoTime();
                try (OrtSession.Result ignored = session.run(Map.of(name, tensor))) {
                    if (i >= 0) {
                        ms[i] = (System.nanoTime() - start) / 1e6;
                    }
                }
            }
        }
        return ms;
    }
}
