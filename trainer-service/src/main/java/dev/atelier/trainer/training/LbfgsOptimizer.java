package dev.atelier.trainer.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Limited-memory BFGS (Nocedal 1980), the optimiser Gatys et al. used for the pixels, as {@code torch.optim.LBFGS}
 * runs it without a line search: one loss evaluation per update, a step of {@code learningRate} along the two-loop
 * recursion's direction (the first one scaled down to {@code 1 / |g|_1}), curvature pairs kept only when
 * {@code y.s} is positive. DJL has no L-BFGS, hence this one, over named arrays like {@link AdamOptimizer}.
 *
 * <p>Keeps {@code history} pairs of arrays the size of the parameters, owned by its manager. Not thread-safe.
 */
public final class LbfgsOptimizer implements ParameterUpdate, AutoCloseable {
    /**
     * Pairs kept: SciPy's default. Each pair is two copies of the parameters (6 MB for a 512 px picture); torch's 100
     * would hold 600 MB per job.
     */
    public static final int DEFAULT_HISTORY = 10;

    private static final double CURVATURE_EPSILON = 1e-10;

    private final float learningRate;
    private final int history;
    private final NDManager manager;
    private final Deque<Pair> pairs = new ArrayDeque<>();
    private Map<String, NDArray> previousGradient;
    private Map<String, NDArray> previousStep;
    private double diagonal = 1;

    private record Pair(Map<String, NDArray> s, Map<String, NDArray> y, double ys) {}

    /** @param manager owns the history; on the parameters' device */
    public LbfgsOptimizer(float learningRate, int history, NDManager manager) {
        if (!(learningRate > 0) || history < 1) {
            throw new IllegalArgumentException(
                    "L-BFGS needs a positive learning rate and history, got " + learningRate + " and " + history);
        }
        this.learningRate = learningRate;
        this.history = history;
        this.manager = manager;
    }

    @Override
    public void update(Map<String, NDArray> parameters) {
        Map<String, NDArray> gradient = new LinkedHashMap<>();
        parameters.forEach((name, p) -> gradient.put(name, keep(p.getGradient().duplicate())));
        double step = learningRate;
        if (previousGradient == null) {
            step = Math.min(1.0, 1.0 / sum(gradient, NDArray::abs)) * learningRate;
        } else {
            Map<String, NDArray> y = new LinkedHashMap<>();
            gradient.forEach((name, g) -> y.put(name, keep(g.sub(previousGradient.get(name)))));
            double ys = dot(y, previousStep);
            if (ys > CURVATURE_EPSILON) {
                if (pairs.size() == history) {
                    close(pairs.removeFirst());
                }
                pairs.addLast(new Pair(previousStep, y, ys));
                diagonal = ys / dot(y, y);
                previousStep = null; // kept in the pair
            } else {
                closeAll(y);
            }
            closeAll(previousGradient);
        }
        if (previousStep != null) {
            closeAll(previousStep);
        }
        Map<String, NDArray> direction = direction(gradient);
        Map<String, NDArray> taken = new LinkedHashMap<>();
        final double size = step;
        direction.forEach((name, d) -> taken.put(name, keep(d.mul((float) size))));
        closeAll(direction);
        parameters.forEach((name, p) -> {
            // Through a detached view of the same storage: an in-place add on the leaf itself fails wherever the
            // thread's grad mode is on (PyTorch's default on a new thread, which a closed collector restores).
            try (NDArray storage = p.stopGradient()) {
                storage.addi(taken.get(name));
            }
            GuardedStep.zero(List.of(p.getGradient()));
        });
        previousStep = taken;
        previousGradient = gradient;
    }

    /** The two-loop recursion: minus the inverse-Hessian estimate times the gradient. */
    private Map<String, NDArray> direction(Map<String, NDArray> gradient) {
        Map<String, NDArray> q = new LinkedHashMap<>();
        gradient.forEach((name, g) -> q.put(name, keep(g.neg())));
        List<Pair> newestFirst = new ArrayList<>(pairs);
        Collections.reverse(newestFirst);
        double[] alphas = new double[newestFirst.size()];
        for (int i = 0; i < newestFirst.size(); i++) {
            Pair pair = newestFirst.get(i);
            alphas[i] = dot(pair.s(), q) / pair.ys();
            double alpha = alphas[i];
            q.forEach((name, v) -> {
                try (NDArray scaled = pair.y().get(name).mul((float) alpha)) {
                    v.subi(scaled);
                }
            });
        }
        q.values().forEach(v -> v.muli((float) diagonal));
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            Pair pair = newestFirst.get(i);
            double beta = dot(pair.y(), q) / pair.ys();
            double factor = alphas[i] - beta;
            q.forEach((name, v) -> {
                try (NDArray scaled = pair.s().get(name).mul((float) factor)) {
                    v.addi(scaled);
                }
            });
        }
        return q;
    }

    private static double dot(Map<String, NDArray> a, Map<String, NDArray> b) {
        double sum = 0;
        for (Map.Entry<String, NDArray> e : a.entrySet()) {
            try (NDArray product = e.getValue().mul(b.get(e.getKey()));
                    NDArray total = product.sum()) {
                sum += total.getFloat();
            }
        }
        return sum;
    }

    private static double sum(Map<String, NDArray> arrays, UnaryOperator<NDArray> map) {
        double sum = 0;
        for (NDArray array : arrays.values()) {
            try (NDArray mapped = map.apply(array);
                    NDArray total = mapped.sum()) {
                sum += total.getFloat();
            }
        }
        return sum;
    }

    /** Outlives the step scope it is made in; freed when it leaves the history. */
    private NDArray keep(NDArray array) {
        NDScope.unregister(array);
        array.attach(manager);
        return array;
    }

    private static void close(Pair pair) {
        closeAll(pair.s());
        closeAll(pair.y());
    }

    private static void closeAll(Map<String, NDArray> arrays) {
        arrays.values().forEach(NDArray::close);
    }

    /** Frees the history. */
    @Override
    public void close() {
        pairs.forEach(LbfgsOptimizer::close);
        pairs.clear();
        if (previousGradient != null) {
            closeAll(previousGradient);
        }
        if (previousStep != null) {
            closeAll(previousStep);
        }
    }
}
