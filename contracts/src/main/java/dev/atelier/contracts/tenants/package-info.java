/** Tenants and their API keys as stored in S3 (hashes only, never the keys). */
package dev.atelier.contracts.tenants;
