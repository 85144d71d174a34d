package dev.atelier.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every gateway setting, under {@code atelier.gateway}. Each one can be overridden by an
 * environment variable ({@code ATELIER_GATEWAY_INPUT_MAX_BYTES=50M}).
 */
@ConfigMapping(prefix = "atelier.gateway")
public interface GatewayConfig {

    /** API keys: how requests are bound to tenants. */
    Auth auth();

    /** Limits on uploaded images. */
    Input input();

    /** Handing jobs to the workers. */
    Queue queue();

    /** Per-tenant limits. */
    Quota quota();

    /** The style catalog. */
    Catalog catalog();
    /** Optimisation jobs. */
    Optimise optimise();

    /** Training new styles. */
    Training training();

    /** How finished jobs' images are handed out. */
    Results results();

    /** Direct uploads of large images to S3 ({@code POST /v1/uploads}). */
    Uploads uploads();

    /** Fetching a job's image from a URL the client gives. */
    Fetch fetch();

    /** The synchronous {@code POST /v1/stylize}. */
    Stylize stylize();

    /** Webhook deliveries to tenants' endpoints and jobs' callback URLs. */
    Webhooks webhooks();

    /**
     * Deliveries are attempted by whichever replica finds them due first (S3 holds them, so a restart loses
     * none), retried with exponential backoff and full jitter until {@code give-up-after} has passed since
     * the event. The SSRF rules of {@link Fetch} apply to their URLs, with settings of their own.
     */
    interface Webhooks {
        /** How often each replica looks for due deliveries. */
        @WithDefault("1s")
        Duration poll();

        /** Deliveries a replica attempts at once. */
        @WithDefault("4")
        int concurrency();

        /** How long an endpoint has to answer one attempt. */
        @WithDefault("10s")
        Duration timeout();

        /** The wait before the first retry; each retry doubles it, up to {@code max-backoff}, then jitters it. */
        @WithDefault("5s")
        Duration firstBackoff();

        @WithDefault("1h")
        Duration maxBackoff();

        /** How long after the event a delivery is still retried; then it ends FAILED. */
        @WithDefault("24h")
        Duration giveUpAfter();

        /** Hosts exempt from the address rules (an intranet receiver), as written in URLs. */
        Optional<Set<String>> allowedHosts();

        /** Whether plain-http URLs are allowed (never in production: the tests' local receiver speaks http). */
        @WithDefault("false")
        boolean allowHttp();
    }

    interface Stylize {
        /** The longest a call waits for its job before answering 202 with the job instead of the image. */
        @WithDefault("30s")
        Duration maxWait();
    }

    /**
     * The SSRF rules: https only, public addresses only (no loopback, private, link-local, shared or reserved
     * ones), checked again on every redirect. The image-size cap of {@code input.max-bytes} applies.
     */
    interface Fetch {
        /** Hosts exempt from the address rules (an intranet image server), as written in URLs. */
        Optional<Set<String>> allowedHosts();

        /** Whether plain-http URLs are fetched too (never in production: the tests' local server speaks http). */
        @WithDefault("false")
        boolean allowHttp();

        @WithDefault("5s")
        Duration connectTimeout();

        /** For the whole answer, body included. */
        @WithDefault("30s")
        Duration timeout();

        @WithDefault("3")
        int maxRedirects();
    }

    /** How a result is delivered by {@code GET /v1/jobs/{id}/result}. */
    enum ResultDelivery {
        /** The gateway streams the bytes: simplest for clients, every byte passes through a gateway. */
        INLINE,
        /** A 302 to a presigned S3 URL: the client fetches from S3, the gateway moves no image bytes. */
        REDIRECT
    }

    interface Results {
        /** {@code inline} or {@code redirect} (S3 must then be reachable by clients: see atelier.s3.public-endpoint). */
        @WithDefault("inline")
        ResultDelivery delivery();

        /** How long a presigned result URL works. */
        @WithDefault("5m")
        Duration urlTtl();
    }

    interface Uploads {
        /** How long a presigned upload URL works; the upload must be submitted as a job within a day of it. */
        @WithDefault("15m")
        Duration urlTtl();
    }

    /** Limits on uploaded images, all checked before the image is decoded. */
    interface Input {
        /**
         * Largest accepted image file. Keep {@code quarkus.http.limits.max-body-size} a little above
         * it (multipart framing and the other fields), so that the gateway, not the HTTP layer, says why.
         */
        @WithDefault("20M")
        MemorySize maxBytes();

        /** Largest accepted width x height, read from the image header before any decoding. */
        @WithDefault("40000000")
        long maxPixels();

        /**
         * About how many pixels the integrity check decodes: larger images are read subsampled, so
         * the check needs little memory whatever the image size.
         */
        @WithDefault("1000000")
        long verifyPixels();
    }

    /** API keys. */
    interface Auth {
        /**
         * How long a replica trusts what it looked up about a key (found, or unknown). A revoked key
         * keeps working on a replica for at most this long; it also bounds how often a key's
         * last-used time is written.
         */
        @WithDefault("30s")
        Duration cacheTtl();

        /** How many keys the cache holds; a flood of random keys cannot push out keys in use (W-TinyLFU). */
        @WithDefault("10000")
        int cacheSize();

        /**
         * Keys not in the cache that one client address may have looked up per second (each costs an S3 read):
         * counted before the lookup, so random keys cannot make a replica hammer S3. Behind a proxy, turn on
         * {@code quarkus.http.proxy.proxy-address-forwarding} so the address is the client's.
         */
        @WithDefault("10")
        int lookupsPerSecondPerAddress();
    }

    /** Per-tenant limits: defaults, and overrides under {@code atelier.gateway.quota.tenants.<tenant>.*}. */
    interface Quota {
        /**
         * Requests per second a tenant may make to {@code /v1}, counted by each gateway replica on its
         * own (a token bucket in memory): with N replicas behind a balancer a tenant gets up to N times this.
         */
        @WithDefault("20")
        int requestsPerSecond();

        /**
         * Jobs a tenant may have QUEUED or RUNNING at once, counted across all replicas from S3. Two
         * submissions racing on different replicas may both pass, so it can be exceeded by the number
         * of submissions in the same instant (S3 offers no compare-and-set to prevent it).
         */
        @WithDefault("10")
        int jobsInFlight();

        /** Per-tenant overrides; a setting left out takes the default above. */
        Map<String, TenantQuota> tenants();
    }

    /** One tenant's overrides. */
    interface TenantQuota {
        Optional<Integer> requestsPerSecond();

        Optional<Integer> jobsInFlight();
    }

    /** Handing jobs to the workers over Kafka. */
    interface Queue {
        /**
         * How long a submission waits for Kafka to acknowledge its event; past it the job is marked
         * FAILED and the client gets 503. Keep it above the producer's {@code delivery.timeout.ms}.
         */
        @WithDefault("20s")
        Duration ackTimeout();
    }

    /** Bounds of optimisation jobs ({@code mode=optimise}), which cost minutes of a trainer each. */
    interface Optimise {
        /** Most steps a client may ask for. */
        @WithDefault("1000")
        int maxSteps();

        /** Longest side of the result a client may ask for, in pixels. */
        @WithDefault("1024")
        int maxSide();
    }

    /** Training new styles. */
    interface Training {
        /**
         * The content photo set trainings use unless the client names one; import it with
         * {@code ./atelier dataset debian --name debian} (or {@code dataset import DIR --name ...}).
         */
        @WithDefault("debian")
        String dataset();
    }

    /** The style catalog, read from Kafka. */
    interface Catalog {
        /** The compacted topic whose latest value per style is the style's current model manifest. */
        @WithDefault("atelier.models")
        String topic();
    }
}
