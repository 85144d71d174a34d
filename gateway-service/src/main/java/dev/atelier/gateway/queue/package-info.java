/** Handing requests (jobs, trainings) to Kafka durably: sent, acknowledged, or a clear failure. */
package dev.atelier.gateway.queue;
