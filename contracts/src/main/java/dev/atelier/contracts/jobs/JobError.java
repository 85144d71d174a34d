package dev.atelier.contracts.jobs;

/**
 * Why a job failed, in words a client can act on.
 *
 * @param code a stable machine-readable code, e.g. {@code input.undecodable}, {@code model.unavailable}
 * @param message a human-readable explanation
 */
public record JobError(String code, String message) {}
