package dev.atelier.trainer.training;

/** An optimisation whose loss or gradients stayed non-finite for too many steps in a row to go on. */
public final class DivergedException extends RuntimeException {
    public DivergedException(String message) {
        super(message);
    }
}
