package dev.atelier.gateway.auth;

import jakarta.enterprise.context.RequestScoped;

/** The tenant the current request acts for, set by {@link ApiKeyFilter} before any {@code /v1} resource runs. */
@RequestScoped
public class Caller {
    private String tenant;

    void authenticate(String tenant) {
        this.tenant = tenant;
    }

    /** @throws IllegalStateException outside an authenticated {@code /v1} request (a wiring bug, not a client error) */
    public String tenant() {
        if (tenant == null) {
            throw new IllegalStateException("no authenticated tenant on this request");
        }
        return tenant;
    }
}
