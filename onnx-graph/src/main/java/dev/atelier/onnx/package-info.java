/**
 * Reading and rewriting ONNX graphs without a runtime: parsing a model, its activation width, and splitting
 * instance normalisation so that statistics can come from a whole image while tiles are stylized.
 */
package dev.atelier.onnx;
