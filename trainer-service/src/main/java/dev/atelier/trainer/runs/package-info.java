/**
 * A training's lifecycle around the {@link dev.atelier.trainer.engine.TrainingEngine}: the record in S3,
 * checkpoints in S3, progress and outcome events, the lease that keeps two trainers off one request,
 * retries of outages, and publication of the trained model.
 */
package dev.atelier.trainer.runs;
