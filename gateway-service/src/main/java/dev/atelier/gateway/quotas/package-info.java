/**
 * Per-tenant quotas: requests per second (per replica, token buckets) and jobs in flight (across
 * replicas, from S3), with {@code RateLimit-Policy}/{@code RateLimit} headers on every {@code /v1} answer.
 */
package dev.atelier.gateway.quotas;
