/**
 * Errors as RFC 9457 problem details ({@code application/problem+json}): the catalogue of problem
 * types with their stable URNs, the exception that carries one, and the mappers that turn every
 * failure (ours, JAX-RS's, the object store's, the HTTP layer's, unexpected ones) into a problem.
 */
package dev.atelier.gateway.problems;
