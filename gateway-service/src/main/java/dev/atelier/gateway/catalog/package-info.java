/**
 * The styles the gateway offers: a copy of the compacted {@code atelier.models} topic kept current
 * in the background, readiness that waits for it, and resolution of a client's {@code id} or
 * {@code id@version} to a model manifest.
 */
package dev.atelier.gateway.catalog;
