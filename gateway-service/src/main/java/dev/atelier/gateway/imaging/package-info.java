/**
 * Checks an uploaded image before the gateway accepts it, cheapest first and never with a full
 * decode: byte size, format from the magic bytes, width and height from the header, then an
 * integrity check that decodes the image subsampled so its memory stays small.
 */
package dev.atelier.gateway.imaging;
