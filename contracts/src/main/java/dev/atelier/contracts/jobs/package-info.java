/**
 * Stylization jobs: the record stored in S3 (status, options, input, timings, error), its ids and the output
 * formats a client may ask for.
 */
package dev.atelier.contracts.jobs;
