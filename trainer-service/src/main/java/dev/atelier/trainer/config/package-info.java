/**
 * The trainer's typed settings ({@code atelier.trainer.*}, {@code atelier.s3.*}) and the clients built
 * from them: object store, Kafka publisher, model publisher, clock.
 */
package dev.atelier.trainer.config;
