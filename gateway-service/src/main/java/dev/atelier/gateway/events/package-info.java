/**
 * The gateway's view of {@code atelier.stylize.events}: every replica reads the whole topic (a consumer
 * group of its own) to learn when a job it is watching changed, for Server-Sent Events and synchronous calls.
 */
package dev.atelier.gateway.events;
