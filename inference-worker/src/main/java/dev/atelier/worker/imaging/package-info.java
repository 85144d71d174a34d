/**
 * Pixels in and out, with no model in sight: decoding with EXIF orientation, RGB image to and from
 * NCHW float tensors, padding, resizing, blending and encoding.
 */
package dev.atelier.worker.imaging;
