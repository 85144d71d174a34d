/** Image decoding, resizing and conversion to and from the NCHW 0..255 float tensors the networks use. */
package dev.atelier.trainer.imaging;
