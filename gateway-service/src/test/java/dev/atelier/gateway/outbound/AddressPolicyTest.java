package dev.atelier.gateway.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The address forms an attacker can use to reach an inside address, each refused; public ones pass. */
class AddressPolicyTest {
    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource({
        "127.0.0.1, loopback",
        "::1, loopback",
        "0.0.0.0, unspecified",
        "169.254.169.254, link-local",
        "fe80::1, link-local",
        "10.1.2.3, private",
        "192.168.1.1, private",
        "172.16.0.1, private",
        "fd00::1, unique-local",
        "100.64.0.1, reserved or shared",
        "224.0.0.1, multicast",
        "::ffff:169.254.169.254, link-local",
        "::ffff:127.0.0.1, loopback",
        "::169.254.169.254, IPv4-compatible form of 169.254.169.254",
        "::10.0.0.1, IPv4-compatible form of 10.0.0.1",
        "64:ff9b::a9fe:a9fe, NAT64 form of 169.254.169.254",
        "64:ff9b::7f00:1, NAT64 form of 127.0.0.1",
        "64:ff9b:1::a00:1, NAT64 form of 10.0.0.1",
        "2002:a9fe:a9fe::1, 6to4 form of 169.254.169.254",
        "2002:7f00:1::, 6to4 form of 127.0.0.1",
        "2001:0:4136:e378:8000:63bf:3fff:fdd2, Teredo",
    })
    void insideAddressesInAnyFormAreRefused(String address, String why) throws Exception {
        assertThat(AddressPolicy.refusal(InetAddress.getByName(address)))
                .as(address)
                .isNotNull()
                .contains(why);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "93.184.215.14",
                "2606:2800:21f:cb07:6820:80da:af6b:8b2c",
                "64:ff9b::5db8:d70e",
                "2002:5db8:d70e::1",
                "::ffff:93.184.215.14"
            })
    void publicAddressesPassAlsoWhenTheyAreCarriedInIpv6(String address) throws Exception {
        assertThat(AddressPolicy.refusal(InetAddress.getByName(address)))
                .as(address)
                .isNull();
    }
}
