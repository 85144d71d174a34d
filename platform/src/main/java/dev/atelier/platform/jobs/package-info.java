/**
 * A job's record in S3 and its final event, shared by the two services that run jobs: the inference worker
 * (feed-forward jobs) and the trainer (optimisation jobs).
 */
package dev.atelier.platform.jobs;
