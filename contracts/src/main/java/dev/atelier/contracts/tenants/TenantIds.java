package dev.atelier.contracts.tenants;

import java.util.regex.Pattern;

/** Tenant ids: part of S3 keys, so restricted to lower-case letters, digits and inner hyphens. */
public final class TenantIds {
    private static final Pattern VALID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

    private TenantIds() {}

    public static boolean isValid(String text) {
        return text != null && VALID.matcher(text).matches();
    }
}
