/**
 * The transform network: its single definition ({@link dev.atelier.trainer.network.TransformerNetSpec}), the
 * DJL graph built from it, the layers DJL's PyTorch engine lacks, and loading of published weights.
 */
package dev.atelier.trainer.network;
