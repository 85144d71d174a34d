/**
 * The worker's typed settings ({@code atelier.worker.*}, {@code atelier.s3.*}) and the beans built
 * straight from them: the S3 {@code ObjectStore} (with its readiness check) and the clock.
 */
package dev.atelier.worker.config;
