/**
 * The worker's own pixel work around a model run: padding to the models' side multiple (and reading a padded tile as a
 * tensor), the tile grid with its blending ramps, and blending by strength. Decoding, encoding results, resizing and
 * the image/tensor conversion are the shared {@link dev.atelier.imaging} package's.
 */
package dev.atelier.worker.imaging;
