/**
 * The events of jobs and trainings (CloudEvents types and payloads) that the services exchange on Kafka and the
 * gateway turns into webhooks and server-sent events.
 */
package dev.atelier.contracts.events;
