/**
 * The inference worker: consumes {@code JobRequested} events, runs the style's ONNX model on the
 * input image and records the outcome in S3 and on {@code atelier.stylize.events}.
 */
package dev.atelier.worker;
