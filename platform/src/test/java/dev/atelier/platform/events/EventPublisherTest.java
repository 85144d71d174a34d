package dev.atelier.platform.events;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class EventPublisherTest {

    @Test
    void startsWithTheKafkaClientsDefaults() {
        // Creating the producer validates its settings without reaching a broker.
        assertThatCode(() -> new EventPublisher(new KafkaSettings("127.0.0.1:1"), new CloudEventCodec("/atelier/test"))
                        .close())
                .doesNotThrowAnyException();
    }
}
