/**
 * The HTTP API (v1): JAX-RS resources, the multipart form and the public views of records. Resources
 * only translate between HTTP and the services of {@code jobs} and {@code catalog}.
 */
package dev.atelier.gateway.api;
