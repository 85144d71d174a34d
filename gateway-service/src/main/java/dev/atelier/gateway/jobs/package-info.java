/**
 * Jobs from the gateway's side: accepting one (check, store the input, write the QUEUED record,
 * publish {@code JobRequested} and wait for Kafka's acknowledgement), and reading records and
 * results back for clients.
 */
package dev.atelier.gateway.jobs;
