/**
 * Training: the feed-forward style trainer and its one training loop ({@code StyleTrainer.run}, told of each step by
 * {@link dev.atelier.trainer.training.TrainingListener}s: checkpoints, previews, progress), the guarded optimisation
 * step, the checkpoint format and store, device choice, content sources, the quality evaluation on held-out photos,
 * and Gatys's optimisation of a single image.
 */
package dev.atelier.trainer.training;
