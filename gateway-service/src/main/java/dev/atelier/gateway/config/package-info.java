/**
 * The gateway's typed settings ({@code atelier.gateway.*}) and Atelier's JSON dialect on the REST mapper. The object
 * store and the clock are produced by {@code platform-quarkus} from {@code atelier.s3.*}.
 */
package dev.atelier.gateway.config;
