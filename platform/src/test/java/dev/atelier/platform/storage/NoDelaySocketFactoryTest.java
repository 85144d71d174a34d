package dev.atelier.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class NoDelaySocketFactoryTest {
    private final NoDelaySocketFactory factory = new NoDelaySocketFactory();

    @Test
    void everySocketItMakesHasNaglesAlgorithmOff() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            InetAddress host = InetAddress.getLoopbackAddress();
            int port = server.getLocalPort();
            try (Socket unconnected = factory.createSocket();
                    Socket byAddress = factory.createSocket(host, port);
                    Socket byName = factory.createSocket(host.getHostAddress(), port);
                    Socket byAddressFromLocal = factory.createSocket(host, port, host, 0);
                    Socket byNameFromLocal = factory.createSocket(host.getHostAddress(), port, host, 0)) {
                for (Socket socket :
                        new Socket[] {unconnected, byAddress, byName, byAddressFromLocal, byNameFromLocal}) {
                    assertThat(socket.getTcpNoDelay()).as(socket.toString()).isTrue();
                }
            }
        }
    }

    @Test
    void theDefaultSocketsWouldHaveItOnSoTheFactoryIsWhatTurnsItOff() throws Exception {
        try (Socket plain = new Socket()) {
            assertThat(plain.getTcpNoDelay()).isFalse();
        }
    }
}
