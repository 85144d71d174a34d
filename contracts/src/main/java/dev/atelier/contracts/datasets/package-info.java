/** Content photo sets for training: the manifest that lists a set's photos and its held-out split. */
package dev.atelier.contracts.datasets;
