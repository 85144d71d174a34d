/**
 * The offline starter-model command ({@code ./atelier train-starter}): the trainer's engine run directly on a folder
 * of photos and a painting, without Kafka or S3, writing {@code model.onnx}, {@code preview.jpg} and a model card.
 */
package dev.atelier.trainer.starter;
