/**
 * Images as DJL arrays (NCHW, 0..255) and back. Decoding, resizing and the tensor layout itself are the shared
 * {@link dev.atelier.imaging} package's, the same the worker serves with.
 */
package dev.atelier.trainer.imaging;
