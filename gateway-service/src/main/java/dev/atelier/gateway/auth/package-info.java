/**
 * Who is calling: API keys bound to tenants ({@code Authorization: Bearer atl_...} on every
 * {@code /v1} call), their short-lived cache, and the admin API that issues, lists and revokes them.
 */
package dev.atelier.gateway.auth;
