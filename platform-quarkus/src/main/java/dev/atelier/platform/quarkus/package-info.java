/**
 * CDI beans shared by the Atelier services: S3 settings, the object store, its readiness check, the clock.
 * Framework-free plumbing stays in {@code dev.atelier.platform}; only what needs Quarkus lives here.
 */
package dev.atelier.platform.quarkus;
