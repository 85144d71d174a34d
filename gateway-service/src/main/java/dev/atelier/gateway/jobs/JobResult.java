package dev.atelier.gateway.jobs;

import dev.atelier.contracts.jobs.OutputFormat;

/**
 * The output of a SUCCEEDED job.
 *
 * @param jobId the job
 * @param content the encoded image
 * @param format its encoding
 */
public record JobResult(String jobId, byte[] content, OutputFormat format) {

    /** The name a browser saves it under. */
    public String fileName() {
        return jobId + "." + format.extension();
    }
}
