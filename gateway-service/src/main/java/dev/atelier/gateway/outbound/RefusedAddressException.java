package dev.atelier.gateway.outbound;

import java.net.UnknownHostException;
import java.util.Optional;

/**
 * A host name resolved, at connection time, to an address the policy refuses. An {@link UnknownHostException} so that
 * the HTTP client treats it as the lookup failing: it never connects.
 */
public final class RefusedAddressException extends UnknownHostException {
    public RefusedAddressException(String message) {
        super(message);
    }

    /** The refusal in a failure's causes (the HTTP client may wrap it), if any. */
    public static Optional<RefusedAddressException> in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RefusedAddressException refused) {
                return Optional.of(refused);
            }
        }
        return Optional.empty();
    }
}
