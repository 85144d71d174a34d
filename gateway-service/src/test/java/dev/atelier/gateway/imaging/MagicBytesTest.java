package dev.atelier.gateway.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.gateway.TestImages;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MagicBytesTest {

    @Test
    void recognisesTheAcceptedFormatsFromRealEncodings() {
        assertThat(MagicBytes.sniff(TestImages.jpeg(8, 8))).contains(ImageKind.JPEG);
        assertThat(MagicBytes.sniff(TestImages.png(8, 8))).contains(ImageKind.PNG);
    }

    @Test
    void recognisesFormatsItRefuses() {
        assertThat(MagicBytes.sniff(TestImages.gif(8, 8))).contains(ImageKind.GIF);
        assertThat(MagicBytes.sniff(ascii("RIFF\0\0\0\0WEBPVP8 "))).contains(ImageKind.WEBP);
        assertThat(MagicBytes.sniff(ascii("II*\0\u0008\0\0\0"))).contains(ImageKind.TIFF);
        assertThat(MagicBytes.sniff(ascii("MM\0*\0\0\0\u0008"))).contains(ImageKind.TIFF);
        assertThat(MagicBytes.sniff(ascii("\0\0\0\u0018ftypheic\0\0\0\0"))).contains(ImageKind.HEIF);
        assertThat(MagicBytes.sniff(ascii("\0\0\0\u001cftypavif\0\0\0\0"))).contains(ImageKind.AVIF);
        assertThat(MagicBytes.sniff(bmpHeader())).contains(ImageKind.BMP);
        assertThat(ImageKind.GIF.isSupported()).isFalse();
    }

    @Test
    void findsNothingInTextOrShortInput() {
        assertThat(MagicBytes.sniff(ascii("hello, this is not an image"))).isEmpty();
        assertThat(MagicBytes.sniff(ascii("BM but not a bitmap header"))).isEmpty();
        assertThat(MagicBytes.sniff(new byte[] {(byte) 0xff, (byte) 0xd8})).isEmpty();
        assertThat(MagicBytes.sniff(new byte[0])).isEmpty();
    }

    @Test
    void ignoresWhatFollowsTheSignature() {
        byte[] png = TestImages.pngHeader(1, 1);
        assertThat(MagicBytes.sniff(png)).contains(ImageKind.PNG);
    }

    private static byte[] bmpHeader() {
        byte[] header = new byte[18];
        header[0] = 'B';
        header[1] = 'M';
        header[14] = 40;
        return header;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
