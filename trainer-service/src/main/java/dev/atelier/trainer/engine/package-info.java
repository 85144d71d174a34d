/**
 * The seam between the trainer service and the machine learning: {@link dev.atelier.trainer.engine.TrainingEngine}
 * and what it is given (a plan, a checkpoint store, a progress listener) and returns (a trained model).
 * The service side implements the store and the listener; {@link dev.atelier.trainer.engine.DjlTrainingEngine}
 * implements the trainer on the ML core (packages {@code training}, {@code network}, {@code loss}, {@code onnx}),
 * wiring the store and the listener into the training loop as its listeners.
 */
package dev.atelier.trainer.engine;
