package dev.atelier.contracts.jobs;

/**
 * What the gateway learnt from an input image's header before accepting it.
 *
 * @param mediaType sniffed from the magic bytes, e.g. {@code image/jpeg}
 * @param width pixels, as stored (before EXIF orientation)
 * @param height pixels, as stored (before EXIF orientation)
 * @param bytes size of the encoded image
 */
public record ImageInfo(String mediaType, int width, int height, long bytes) {}
