/**
 * What the Atelier services agree on: event records, topic names, the S3 key layout and the model
 * manifest. Plain records and constants, serialised as JSON by {@link dev.atelier.contracts.Json}.
 */
package dev.atelier.contracts;
