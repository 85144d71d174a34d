/**
 * Tenants' API keys: how a key is stored (hashed) and checked.
 */
package dev.atelier.platform.tenants;
