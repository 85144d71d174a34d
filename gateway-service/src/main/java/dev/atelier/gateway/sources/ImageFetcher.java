package dev.atelier.gateway.sources;

import dev.atelier.gateway.config.GatewayConfig;
import dev.atelier.gateway.outbound.OutboundUrls;
import dev.atelier.gateway.outbound.RefusedAddressException;
import dev.atelier.gateway.problems.ProblemException;
import dev.atelier.gateway.problems.ProblemType;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

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
    private final OkHttpClient http;

    ImageFetcher(GatewayConfig config) {
        this.settings = config.fetch();
        this.urls = new OutboundUrls(settings.allowedHosts().orElse(Set.of()), settings.allowHttp());
        this.maxBytes = config.input().maxBytes().asLongValue();
        this.http = urls.client(settings.connectTimeout(), settings.timeout());
    }

    /**
     * @return a temporary file holding the image (the caller deletes it)
     * @throws ProblemException {@code image-url-not-allowed}, {@code image-url-unreachable} or {@code image-too-large}
     */
    public Path fetch(String url) {
        URI uri = parse(url);
        for (int hop = 0; hop <= settings.maxRedirects(); hop++) {
            check(uri);
            Response response = get(uri);
            int status = response.code();
            if (REDIRECTS.contains(status)) {
                response.close();
                URI from = uri;
                String location = response.header("Location");
                if (location == null) {
                    throw unreachable(from, "it answered " + status + " without a Location");
                }
                uri = from.resolve(location);
                continue;
            }
            if (status != 200) {
                response.close();
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
            throw refusal.unresolvable()
                    ? unreachable(uri, refusal.reason())
                    : notAllowed(uri.toString(), refusal.reason());
        });
    }

    private Response get(URI uri) {
        Request request = new Request.Builder()
                .url(uri.toString())
                .header("Accept", "image/jpeg, image/png")
                .get()
                .build();
        try {
            return http.newCall(request).execute();
        } catch (IOException e) {
            RefusedAddressException refused = RefusedAddressException.in(e).orElse(null);
            if (refused != null) {
                throw notAllowed(uri.toString(), refused.getMessage());
            }
            throw unreachable(
                    uri, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    /** Reads at most one byte past the cap, so that an endless body costs no more than that. */
    private Path save(URI uri, Response response) {
        long declared = response.body().contentLength();
        if (declared > maxBytes) {
            response.close();
            throw tooLarge(declared + " bytes");
        }
        Path file = null;
        try (response;
                InputStream in = response.body().byteStream()) {
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
        return new ProblemException(
                        ProblemType.IMAGE_TOO_LARGE,
                        "the image at the URL has " + size + "; at most " + maxBytes + " are accepted")
                .with("maxBytes", maxBytes);
    }

    private static ProblemException notAllowed(String url, String why) {
        return new ProblemException(
                        ProblemType.IMAGE_URL_NOT_ALLOWED, "the image URL " + url + " is not fetched: " + why)
                .with("field", "imageUrl");
    }

    private static ProblemException unreachable(URI uri, String why) {
        return new ProblemException(
                        ProblemType.IMAGE_URL_UNREACHABLE, "the image at " + uri + " could not be fetched: " + why)
                .with("field", "imageUrl");
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
