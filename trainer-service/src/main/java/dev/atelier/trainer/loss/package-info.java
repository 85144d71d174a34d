/**
 * The perceptual loss: pretrained loss networks (SqueezeNet 1.1, partial VGG-19) read from files or URLs given by
 * settings, Gram matrices, and the style, content and total-variation terms.
 */
package dev.atelier.trainer.loss;
