package dev.atelier.trainer.training;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.GradientCollector;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** L-BFGS on functions whose minimum is known. */
class LbfgsOptimizerTest {

    /** An ill-conditioned quadratic, sum_i c_i (x_i - t_i)^2 with curvatures from 1 to 1000. */
    private static float quadratic(NDArray x, NDArray curvature, NDArray target, ParameterUpdate update) {
        float value;
        try (GradientCollector collector =
                Engine.getEngine(ComputeDevice.ENGINE).newGradientCollector()) {
            NDArray loss = x.sub(target).square().mul(curvature).sum();
            collector.backward(loss);
            value = loss.getFloat();
        }
        update.update(Map.of("x", x));
        return value;
    }

    @Test
    void reachesTheMinimumOfAnIllConditionedQuadraticWhereAdamCrawls() {
        try (NDManager manager = ComputeDevice.cpu().newManager()) {
            NDArray curvature = manager.linspace(1f, 1000f, 50);
            NDArray target = manager.linspace(-3f, 3f, 50);
            float lbfgsLoss = run(manager, curvature, target, new LbfgsOptimizer(1f, 10, manager));
            float adamLoss = run(manager, curvature, target, new AdamOptimizer(0.1f, manager));
            System.out.printf(
                    "after 40 evaluations: L-BFGS %.3g, Adam %.3g (start %.3g)%n",
                    lbfgsLoss, adamLoss, start(curvature, target));
            assertThat(lbfgsLoss).isLessThan(1e-7f * start(curvature, target));
            assertThat(adamLoss).isGreaterThan(100 * lbfgsLoss);
        }
    }

    /**
     * PyTorch's grad mode is per thread and on by default; a collector restores it on close, so on a service's worker
     * thread it stays on after the backward pass, where an in-place update of a leaf that requires a gradient fails
     * (SystemEndToEndIT's optimisation job did). The update must not depend on the thread's grad mode.
     */
    @Test
    void updatesOnAThreadWhoseGradModeIsOn() throws Exception {
        float[] loss = {Float.NaN};
        Throwable[] failure = {null};
        Thread worker = new Thread(() -> {
            try (NDManager manager = ComputeDevice.cpu().newManager()) {
                NDArray curvature = manager.linspace(1f, 10f, 8);
                NDArray target = manager.linspace(-1f, 1f, 8);
                loss[0] = run(manager, curvature, target, new LbfgsOptimizer(1f, 10, manager));
            } catch (Throwable e) {
                failure[0] = e;
            }
        });
        worker.start();
        worker.join();
        assertThat(failure[0]).isNull();
        assertThat(loss[0]).isLessThan(1e-6f);
    }

    private static float run(NDManager manager, NDArray curvature, NDArray target, ParameterUpdate update) {
        NDArray x = manager.zeros(target.getShape());
        x.setRequiresGradient(true);
        float last = Float.NaN;
        for (int i = 0; i < 40; i++) {
            try (NDScope scope = new NDScope()) {
                last = quadratic(x, curvature, target, update);
                scope.suppressNotUsedWarning();
            }
            assertThat(x.getGradient().abs().max().getFloat())
                    .as("the update leaves the gradient zeroed")
                    .isZero();
        }
        return last;
    }

    private static float start(NDArray curvature, NDArray target) {
        return target.square().mul(curvature).sum().getFloat();
    }
}
