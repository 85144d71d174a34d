package dev.atelier.trainer.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam (Kingma and Ba) over named arrays, with its moments kept here rather than inside DJL's {@code Adam},
 * whose state is private: a checkpoint must carry them for a restored training to continue exactly. The update
 * itself is DJL's fused in-place kernel (the one {@code ai.djl.training.optimizer.Adam} calls), which also zeroes
 * the gradient.
 */
public final class AdamOptimizer implements ParameterUpdate, AutoCloseable {
    public static final float BETA1 = 0.9f;
    public static final float BETA2 = 0.999f;
    public static final float EPSILON = 1e-8f;

    private float learningRate;
    private final NDManager manager;
    private final Map<String, NDArray> means = new LinkedHashMap<>();
    private final Map<String, NDArray> variances = new LinkedHashMap<>();
    private int updates;

    /** @param manager owns the moment arrays; on the same device as the parameters */
    public AdamOptimizer(float learningRate, NDManager manager) {
        this.learningRate = learningRate;
        this.manager = manager;
    }

    /** The step size of the updates from now on (a schedule's). */
    public void setLearningRate(float learningRate) {
        this.learningRate = learningRate;
    }

    /** One update of every array from its gradient (as left by a gradient collector's backward pass). */
    @Override
    public void update(Map<String, NDArray> parameters) {
        updates++;
        double coef1 = 1.0 - Math.pow(BETA1, updates);
        double coef2 = 1.0 - Math.pow(BETA2, updates);
        float corrected = (float) (learningRate * Math.sqrt(coef2) / coef1);
        for (Map.Entry<String, NDArray> p : parameters.entrySet()) {
            NDArray weight = p.getValue();
            NDArray mean = means.computeIfAbsent(p.getKey(), k -> keep(manager.zeros(weight.getShape())));
            NDArray variance = variances.computeIfAbsent(p.getKey(), k -> keep(manager.zeros(weight.getShape())));
            NDArray grad = weight.getGradient();
            weight.getNDArrayInternal()
                    .adamUpdate(
                            new NDList(weight, grad, mean, variance),
                            new NDList(weight),
                            learningRate,
                            corrected,
                            0f,
                            1f,
                            -1f,
                            BETA1,
                            BETA2,
                            EPSILON,
                            true,
                            false);
        }
    }

    /** Moments outlive the step scope they are first made in. */
    private static NDArray keep(NDArray array) {
        NDScope.unregister(array);
        return array;
    }

    public int updates() {
        return updates;
    }

    /** The first and second moments by parameter name, for checkpoints. */
    public Map<String, NDArray> means() {
        return means;
    }

    public Map<String, NDArray> variances() {
        return variances;
    }

    /** Continues from saved moments (arrays on this optimizer's device) and update count. */
    public void restore(int updateCount, Map<String, NDArray> savedMeans, Map<String, NDArray> savedVariances) {
        this.updates = updateCount;
        means.clear();
        variances.clear();
        savedMeans.forEach((k, v) -> means.put(k, v));
        savedVariances.forEach((k, v) -> variances.put(k, v));
    }

    /** Frees the moments (the parameters are the caller's). */
    @Override
    public void close() {
        means.values().forEach(NDArray::close);
        variances.values().forEach(NDArray::close);
        means.clear();
        variances.clear();
    }
}
