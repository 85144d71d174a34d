/**
 * The catalogue of error codes that jobs and trainings fail with (documented in docs/events.md).
 */
package dev.atelier.contracts.errors;
