/**
 * The model catalog as this worker sees it: the platform's reader following the compacted
 * {@code atelier.models} topic, its readiness, and the choice of manifest for a job.
 */
package dev.atelier.worker.catalog;
