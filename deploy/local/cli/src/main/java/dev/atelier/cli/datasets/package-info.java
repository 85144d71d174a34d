/**
 * Importing photo datasets (the Debian package sets) into the object store as training photos.
 */
package dev.atelier.cli.datasets;
