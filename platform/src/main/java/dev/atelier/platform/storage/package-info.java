/**
 * The S3 object store every service keeps its inputs, results, records and models in, its settings, and the one
 * exception its failures surface as.
 */
package dev.atelier.platform.storage;
