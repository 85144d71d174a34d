/**
 * The trainer service: consumes training requests, trains a style model with the
 * {@link dev.atelier.trainer.engine.TrainingEngine} in the build, checkpoints to S3, reports progress
 * on {@code atelier.training.events}, and publishes the model as a new version of its style. Packages:
 * {@code requests} (Kafka intake), {@code runs} (lifecycle), {@code engine} (the seam with the ML code),
 * {@code datasets} (content photos from S3), {@code config} (settings and clients).
 */
package dev.atelier.trainer;
