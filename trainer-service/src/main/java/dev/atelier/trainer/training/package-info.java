/**
 * Training: the feed-forward style trainer (steps, Adam, checkpoints to a stream, device choice), its content
 * sources, the quality evaluation on held-out photos, and Gatys's optimisation of a single image.
 */
package dev.atelier.trainer.training;
