/** Readiness of the gateway's own dependencies (Kafka's comes from SmallRye, the catalog's from {@code catalog}). */
package dev.atelier.gateway.health;
