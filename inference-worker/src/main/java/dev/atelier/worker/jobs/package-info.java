/**
 * The job lifecycle: consuming {@code JobRequested}, running an attempt (record RUNNING, infer,
 * store output, record SUCCEEDED, publish events), retrying transient failures, recording permanent
 * ones and dead-lettering them, and the job metrics.
 */
package dev.atelier.worker.jobs;
