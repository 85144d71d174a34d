/**
 * The trainer service. In this version it starts, reports health and receives training requests
 * from {@code atelier.training.requests} without committing them, so that every request waits for
 * the training implementation (a later release) instead of being lost.
 */
package dev.atelier.trainer;
