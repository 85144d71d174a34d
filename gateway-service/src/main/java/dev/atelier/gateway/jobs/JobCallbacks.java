package dev.atelier.gateway.jobs;

import dev.atelier.gateway.problems.ProblemException;

/**
 * Where a job's final state goes when the client names a callback URL. The URL travels on the job record; the
 * webhooks feature, which delivers it, implements this, so that jobs knows nothing of webhooks.
 */
public interface JobCallbacks {

    /** @throws ProblemException {@code webhook-url-not-allowed} (or {@code invalid-option}) naming {@code field} */
    void checkUrl(String url, String field);

    /** Gets the tenant ready to sign callback deliveries; called before the job can finish. */
    void prepare(String tenant);
}
