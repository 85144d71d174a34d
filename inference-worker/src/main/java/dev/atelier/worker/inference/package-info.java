/**
 * ONNX Runtime: the one environment and the execution provider (CPU or CUDA), loading and checking
 * models from S3, the cache of live sessions per (style, version), and running a model on an image.
 */
package dev.atelier.worker.inference;
