/**
 * Content photos for training, read from S3: a dataset's manifest, its train and held-out split, and
 * photos decoded to RGB. Random crops and flips belong to the training code that uses them.
 */
package dev.atelier.trainer.datasets;
