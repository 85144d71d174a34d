package dev.atelier.gateway.sources;

import dev.atelier.gateway.config.GatewayConfig;
import dev.atelier.gateway.outbound.OutboundUrls;
import dev.atelier.gateway.problems.ProblemException;
import dev.atelier.gateway.problems.ProblemType;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * Fetches a job's image from a client's URL under the SSRF rules of {@link OutboundUrls}; redirects are
 * followed by hand so that each hop is checked again, and at most {@code input.max-bytes} are read.
 */
@Singleton
public class ImageFetcher {
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final GatewayConfig.Fetch settings;
    private final OutboundUrls urls;
    private final long maxBytes;
    private final HttpClient http;

    ImageFetcher(GatewayConfig config) {
        this.settings = config.fetch();
        this.urls = new OutboundUrls(settings.allowedHosts().orElse(Set.of()), settings.allowHttp());
        this.maxBytes = config.input().maxBytes().asLongValue();
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout())
                .build();
    }

    /**
     * @return a temporary file holding the image (the caller deletes it)
     * @throws ProblemException {@code image-url-not-allowed}, {@code image-url-unreachable} or {@code image-too-large}
     */
    public Path fetch(String url) {
        URI uri = parse(url);
        for (int hop = 0; hop <= settings.maxRedirects(); hop++) {
            check(uri);
            HttpResponse<InputStream> response = get(uri);
            int status = response.statusCode();
            if (REDIRECTS.contains(status)) {
                close(response);
                URI from = uri;
                String location = response.headers().firstValue("Location").orElseThrow(() -> unreachable(from,
                        "it answered " + status + " without a Location"));
                uri = from.resolve(location);
                continue;
            }
            if (status != 200) {
                close(response);
                throw unreachable(uri, "it answered HTTP " + status);
            }
            return save(uri, response);
        }
        throw unreachable(uri, "more than " + settings.maxRedirects() + " redirects");
    }

    private URI parse(String url) {
        try {
            return OutboundUrls.parse(url);
        } catch (OutboundUrls.RefusedUrlException e) {
            throw notAllowed(url, e.getMessage());
        }
    }

    private void check(URI uri) {
        urls.refusal(uri).ifPresent(refusal -> {
            throw refusal.unresolvable() ? unreachable(uri, refusal.reason()) : notAllowed(uri.toString(), refusal.reason());
        });
    }

    private HttpResponse<InputStream> get(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.timeout())
                .header("Accept", "image/jpeg, image/png").GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw unreachable(uri, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(uri, "interrupted");
        }
    }

    /** Reads at most one byte past the cap, so that an endless body costs no more than that. */
    private Path save(URI uri, HttpResponse<InputStream> response) {
        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared > maxBytes) {
            close(response);
            throw tooLarge(declared + " bytes");
        }
        Path file = null;
        try (InputStream in = response.body()) {
            file = Files.createTempFile("atelier-fetch-", ".img");
            long copied;
            try (OutputStream out = Files.newOutputStream(file)) {
                copied = in.transferTo(new CappedOutputStream(out, maxBytes + 1));
            }
            if (copied > maxBytes) {
                throw tooLarge("more than " + maxBytes + " bytes");
            }
            return file;
        } catch (CappedOutputStream.CapReached e) {
            delete(file);
            throw tooLarge("more than " + maxBytes + " bytes");
        } catch (IOException e) {
            delete(file);
            throw unreachable(uri, "reading its answer failed: " + e.getMessage());
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    private ProblemException tooLarge(String size) {
        return new ProblemException(ProblemType.IMAGE_TOO_LARGE, "the image at the URL has " + size + "; at most "
                + maxBytes + " are accepted").with("maxBytes", maxBytes);
    }

    private static ProblemException notAllowed(String url, String why) {
        return new ProblemException(ProblemType.IMAGE_URL_NOT_ALLOWED, "the image URL " + url + " is not fetched: " + why)
                .with("field", "imageUrl");
    }

    private static ProblemException unreachable(URI uri, String why) {
        return new ProblemException(ProblemType.IMAGE_URL_UNREACHABLE, "the image at " + uri + " could not be fetched: "
                + why).with("field", "imageUrl");
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException e) {
            // the connection is dropped either way
        }
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }
}
