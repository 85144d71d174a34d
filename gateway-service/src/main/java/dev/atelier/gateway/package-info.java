/**
 * The Atelier gateway: the HTTP face of the platform. It checks and stores uploaded images, records
 * jobs in S3 and hands them to the workers over Kafka, answers status and result queries, and lists
 * the style catalog. Packages are features: {@code api} (HTTP), {@code jobs} (submission and
 * queries), {@code imaging} (input checks), {@code problems} (RFC 9457 errors), {@code catalog}
 * (the styles), {@code config} (settings).
 */
package dev.atelier.gateway;
