/**
 * The one retry mechanism of the services: {@link dev.atelier.platform.retry.Backoff} says how long to wait after
 * a failed attempt, {@link dev.atelier.platform.retry.Retry} runs attempts until one succeeds, a failure is
 * permanent, or the retries its kind of failure is allowed are spent. Each caller names what is permanent.
 */
package dev.atelier.platform.retry;
