/**
 * The gateway's typed settings ({@code atelier.gateway.*}, {@code atelier.s3.*}) and the shared
 * beans built from them: the object store, the clock, Atelier's JSON dialect on the REST mapper.
 */
package dev.atelier.gateway.config;
