/**
 * Calls the gateway makes to URLs its clients name (images to fetch, webhooks to deliver), and the SSRF
 * rules they all pass: {@link dev.atelier.gateway.outbound.OutboundUrls}.
 */
package dev.atelier.gateway.outbound;
