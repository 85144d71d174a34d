/**
 * Optimisation jobs: a client's own painting, no trained model. The picture itself is optimised against the perceptual
 * loss (Gatys et al.), consumed from {@code atelier.optimise.requests} and run as an ordinary job (record, events,
 * cancellation, deadline), with progress reports and preview images every few steps.
 */
package dev.atelier.trainer.optimise;
