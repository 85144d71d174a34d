/**
 * The seam between the trainer service and the machine learning: {@link dev.atelier.trainer.engine.TrainingEngine}
 * and what it is given (a plan, a checkpoint store, a progress listener) and returns (a trained model).
 * The service side implements the store and the listener; the ML side implements the trainer.
 */
package dev.atelier.trainer.engine;
