package dev.atelier.contracts.jobs;

/**
 * Where a finished job's time went, in milliseconds, so that anyone can see what the pipeline adds to the model.
 *
 * @param queued from acceptance by the gateway to a worker starting it
 * @param decode reading the input from the object store and decoding it
 * @param inference inside the model (all tiles, for a large image)
 * @param encode encoding the result (PNG or JPEG)
 * @param store writing the result to the object store
 * @param total from acceptance to the final record
 */
public record JobTimings(long queued, long decode, long inference, long encode, long store, long total) {}
