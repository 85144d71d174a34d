/**
 * The styles workers can serve: an in-memory catalog of model manifests, kept by a reader that follows the
 * compacted {@code atelier.models} topic from its start and reports when it cannot.
 */
package dev.atelier.platform.catalog;
