package dev.atelier.trainer.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Multiplication and division by a constant on a path that autograd differentiates. Use these, never
 * {@code NDArray.mul(Number)} or {@code div(Number)}, there.
 *
 * <p>Why: DJL 0.35.1's PyTorch engine turns the {@code Number} into a tensor over a Java direct buffer
 * ({@code torch.from_blob}, no copy) and closes it right after the forward op. Autograd keeps that tensor for the
 * backward pass (the gradient of {@code x * c} is {@code grad * c}), but nothing keeps the buffer: once the garbage
 * collector frees it, backward reads whatever lives at that address now, a NaN or a wrong finite factor. A constant
 * made by PyTorch itself ({@code full}) owns its memory, which autograd's reference keeps alive.
 * ({@code add(Number)} and {@code sub(Number)} are safe: their backward never reads the constant.)
 */
public final class Scalars {
    private Scalars() {}

    /** {@code x * factor}, with the factor in memory PyTorch owns. */
    public static NDArray times(NDArray x, float factor) {
        try (NDArray constant = constant(x, factor)) {
            return x.mul(constant);
        }
    }

    /** {@code x / divisor}, with the divisor in memory PyTorch owns. */
    public static NDArray dividedBy(NDArray x, float divisor) {
        try (NDArray constant = constant(x, divisor)) {
            return x.div(constant);
        }
    }

    private static NDArray constant(NDArray like, float value) {
        return like.getManager().full(new Shape(), value, like.getDataType());
    }
}
