/**
 * What the Atelier services agree on: event records, topic names, the S3 key layout and the model
 * manifest. Plain records and constants, serialised as JSON by {@link dev.atelier.contracts.Json}. This package
 * holds what every feature package shares (the event interface, topics, the JSON dialect); the feature packages
 * depend on it and on each other in one direction only ({@code events} on {@code jobs}, {@code training} and
 * {@code models}).
 */
package dev.atelier.contracts;
