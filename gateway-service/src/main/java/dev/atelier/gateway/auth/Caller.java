package dev.atelier.gateway.auth;

import dev.atelier.gateway.quotas.RequestRate;
import jakarta.enterprise.context.RequestScoped;

/** The tenant the current request acts for, set by {@link ApiKeyFilter} before any {@code /v1} resource runs. */
@RequestScoped
public class Caller {
    private String tenant;
    private RequestRate.Decision rate;

    void authenticate(String tenant) {
        this.tenant = tenant;
    }

    void rated(RequestRate.Decision rate) {
        this.rate = rate;
    }

    /** What the rate limiter decided for this request; null before authentication. */
    public RequestRate.Decision rate() {
        return rate;
    }

    /** @throws IllegalStateException outside an authenticated {@code /v1} request (a wiring bug, not a client error) */
    public String tenant() {
        if (tenant == null) {
            throw new IllegalStateException("no authenticated tenant on this request");
        }
        return tenant;
    }
}
