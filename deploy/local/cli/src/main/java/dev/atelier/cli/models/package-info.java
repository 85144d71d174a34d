/**
 * Registering ONNX model files of a models folder as styles, reading their inputs and outputs.
 */
package dev.atelier.cli.models;
