/**
 * ONNX export of the transform network through the ONNX protobuf schema (classes generated at build time from
 * {@code src/main/proto/onnx.proto}), reading of ONNX initializers, and the parity gate that every export passes
 * in ONNX Runtime before it may be published.
 */
package dev.atelier.trainer.onnx;
