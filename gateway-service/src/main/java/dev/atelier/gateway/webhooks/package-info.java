/**
 * Webhooks: a tenant's endpoints and their signing secrets, the fan-out of job events into deliveries (to the
 * endpoints that subscribe, and to the callback URL on a job's record), and the dispatcher that sends them as
 * Standard Webhooks with retries. Depends on {@code jobs} for the record and the job view it announces, never
 * the reverse: jobs reach it through {@link dev.atelier.gateway.jobs.JobCallbacks}.
 */
package dev.atelier.gateway.webhooks;
