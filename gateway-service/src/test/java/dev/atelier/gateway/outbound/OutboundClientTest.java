package dev.atelier.gateway.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Dns;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DNS rebinding: a name that answers with a public address when the URL is checked and with an inside one when the
 * client connects. The client checks the addresses it connects to, so the inside server is never called.
 */
class OutboundClientTest {
    private HttpServer inside;
    private final AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void startInsideServer() throws Exception {
        inside = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        inside.createContext("/", exchange -> {
            calls.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        inside.start();
    }

    @AfterEach
    void stop() {
        inside.stop(0);
    }

    @Test
    void aNameThatRebindsToAnInsideAddressAfterTheCheckIsNeverConnectedTo() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        Dns rebinding = host -> List.of(
                lookups.getAndIncrement() == 0
                        ? InetAddress.getByName("93.184.215.14")
                        : InetAddress.getLoopbackAddress());
        OutboundUrls urls = new OutboundUrls(Set.of(), true, rebinding);
        URI uri = URI.create("http://rebind.example:" + inside.getAddress().getPort() + "/image.jpg");

        assertThat(urls.refusal(uri))
                .as("the check before the call sees the public answer")
                .isEmpty();
        OkHttpClient client = urls.client(Duration.ofSeconds(2), Duration.ofSeconds(5));
        assertThatThrownBy(() -> client.newCall(
                                new Request.Builder().url(uri.toString()).build())
                        .execute()
                        .close())
                .isInstanceOf(RefusedAddressException.class)
                .hasMessageContaining("rebind.example resolves to 127.0.0.1, a loopback address");
        assertThat(calls).as("requests that reached the inside server").hasValue(0);
    }

    @Test
    void anExemptHostIsConnectedTo() throws Exception {
        Dns local = host -> List.of(InetAddress.getLoopbackAddress());
        OutboundUrls urls = new OutboundUrls(Set.of("images.intranet"), true, local);
        OkHttpClient client = urls.client(Duration.ofSeconds(2), Duration.ofSeconds(5));
        try (Response response = client.newCall(new Request.Builder()
                        .url("http://images.intranet:" + inside.getAddress().getPort() + "/")
                        .build())
                .execute()) {
            assertThat(response.code()).isEqualTo(200);
        }
        assertThat(calls).hasValue(1);
    }
}
