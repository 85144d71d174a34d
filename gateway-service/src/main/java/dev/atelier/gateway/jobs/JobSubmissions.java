package dev.atelier.gateway.jobs;

import dev.atelier.contracts.jobs.JobRecord;
import dev.atelier.gateway.problems.ProblemException;
import dev.atelier.gateway.sources.JobSources;
import jakarta.inject.Singleton;
import java.util.function.Supplier;

/**
 * The way into {@link JobSubmitter} for every endpoint that submits jobs: once per {@code Idempotency-Key} when the
 * client sends one, with the image sent along or named (an upload id or an https URL), each submission counted by
 * {@link SubmissionMetrics}.
 */
@Singleton
public class JobSubmissions {
    private final JobSubmitter submitter;
    private final Idempotency idempotency;
    private final SubmissionMetrics metrics;
    private final JobSources sources;

    JobSubmissions(JobSubmitter submitter, Idempotency idempotency, SubmissionMetrics metrics, JobSources sources) {
        this.submitter = submitter;
        this.idempotency = idempotency;
        this.metrics = metrics;
        this.sources = sources;
    }

    /**
     * @param idempotencyKey the {@code Idempotency-Key} header, or null
     * @return the QUEUED record of the accepted job, or the job an earlier request with the same key created
     * @throws ProblemException when the request is refused (see {@link JobSubmitter#submit})
     */
    public JobRecord submit(String tenant, JobUpload upload, String idempotencyKey) {
        Supplier<JobRecord> submit = () -> metrics.measure(() -> submitter.submit(tenant, upload));
        return idempotencyKey == null ? submit.get() : idempotency.submitOnce(tenant, idempotencyKey, upload, submit);
    }

    /**
     * As {@link #submit}, for an image named by exactly one of {@code uploadId} and {@code imageUrl}: it is fetched
     * to a local file first, and {@code fields} (whose image is null) are submitted with it; so is the painting of an
     * optimisation job, named by {@code styleUploadId}.
     *
     * @param styleUploadId the upload holding an optimisation job's painting, or null
     * @throws ProblemException also {@code invalid-option} for neither or both, {@code upload-not-found},
     *     {@code image-url-not-allowed}, {@code image-url-unreachable}
     */
    public JobRecord submitNamedImage(
            String tenant,
            String uploadId,
            String imageUrl,
            String styleUploadId,
            JobUpload fields,
            String idempotencyKey) {
        return sources.withImage(
                tenant,
                uploadId,
                imageUrl,
                file -> sources.withUpload(
                        tenant,
                        styleUploadId,
                        painting -> submit(tenant, fields.withImage(file).withStyleImage(painting), idempotencyKey)));
    }
}
