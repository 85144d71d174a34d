/**
 * Jobs from the gateway's side: accepting one (check, store the input, write the QUEUED record,
 * publish {@code JobRequested} and wait for Kafka's acknowledgement), reading records, pages, state changes
 * and results back for clients, and the job view they see. Two services face the API: {@link
 * dev.atelier.gateway.jobs.JobSubmissions} and {@link dev.atelier.gateway.jobs.JobQueries}.
 */
package dev.atelier.gateway.jobs;
