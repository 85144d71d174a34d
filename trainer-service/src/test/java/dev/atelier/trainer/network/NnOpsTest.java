package dev.atelier.trainer.network;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.atelier.trainer.training.ComputeDevice;
import org.junit.jupiter.api.Test;

class NnOpsTest {

    @Test
    void instanceNormMatchesItsDefinitionInValueAndGradient() {
        try (NDManager manager = ComputeDevice.cpu().newManager()) {
            Engine.getEngine(ComputeDevice.ENGINE).setRandomSeed(3);
            NDArray x = manager.randomNormal(0, 3, new Shape(2, 4, 9, 7), ai.djl.ndarray.types.DataType.FLOAT32)
                    .add(5f);
            NDArray gamma = manager.randomNormal(new Shape(4));
            NDArray beta = manager.randomNormal(new Shape(4));
            NDArray weights = manager.randomNormal(new Shape(2, 4, 9, 7));

            float[][] fused = valueAndGradients(x, gamma, beta, weights, NnOps::instanceNorm);
            float[][] defined = valueAndGradients(x, gamma, beta, weights, NnOpsTest::definition);
            for (int i = 0; i < fused.length; i++) {
                assertThat(fused[i]).hasSameSizeAs(defined[i]);
                for (int k = 0; k < fused[i].length; k++) {
                    assertThat(fused[i][k])
                            .as("array %d, element %d", i, k)
                            .isCloseTo(
                                    defined[i][k],
                                    org.assertj.core.data.Offset.offset(1e-4f * Math.max(1f, Math.abs(defined[i][k]))));
                }
            }
        }
    }

    interface Norm {
        NDArray apply(NDArray x, NDArray gamma, NDArray beta, float epsilon);
    }

    /** The loss sum(weights * norm(x)), and its gradients with respect to x, gamma and beta (on fresh copies). */
    private static float[][] valueAndGradients(NDArray x, NDArray gamma, NDArray beta, NDArray weights, Norm norm) {
        NDArray[] inputs = {x.duplicate(), gamma.duplicate(), beta.duplicate()};
        for (NDArray a : inputs) {
            a.setRequiresGradient(true);
        }
        float loss;
        try (GradientCollector collector =
                Engine.getEngine(ComputeDevice.ENGINE).newGradientCollector()) {
            NDArray total = norm.apply(inputs[0], inputs[1], inputs[2], 1e-5f)
                    .mul(weights)
                    .sum();
            loss = total.getFloat();
            collector.backward(total);
        }
        return new float[][] {
            {loss},
            inputs[0].getGradient().toFloatArray(),
            inputs[1].getGradient().toFloatArray(),
            inputs[2].getGradient().toFloatArray()
        };
    }

    /** torch.nn.InstanceNorm2d(affine=True) written out: mean and biased variance of each sample's channel plane. */
    private static NDArray definition(NDArray x, NDArray gamma, NDArray beta, float epsilon) {
        NDArray mean = NnOps.spatialMean(x);
        NDArray centred = x.sub(mean);
        NDArray variance = NnOps.spatialMean(centred.square());
        Shape perChannel = new Shape(1, x.getShape().get(1), 1, 1);
        return centred.div(variance.add(epsilon).sqrt())
                .mul(gamma.reshape(perChannel))
                .add(beta.reshape(perChannel));
    }
}
