/**
 * The worker's typed settings ({@code atelier.worker.*}). The object store and the clock it uses are produced by
 * {@code platform-quarkus} from {@code atelier.s3.*}.
 */
package dev.atelier.worker.config;
