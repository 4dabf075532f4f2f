package io.vigil.audit.application;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The payload bytes the log stores and hashes are those of the data's text, whatever bytes came. */
class StoredPayloadTest {

    private static byte[] viaString(byte[] b) {
        return new String(b, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldKeepAsciiAndValidUtf8AsTheyCame() {
        byte[] ascii = "{\"owner\":\"oncall-2\"}".getBytes(StandardCharsets.US_ASCII);
        byte[] utf8 = "{\"k\":\"ä€😀\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(AuditIntake.asStored(ascii)).isSameAs(ascii);
        assertThat(AuditIntake.asStored(utf8)).isEqualTo(utf8).isEqualTo(viaString(utf8));
    }

    @Test
    void shouldStoreMalformedUtf8AsTheTextItDecodesTo() {
        // a lone continuation byte, an overlong '/', an encoded surrogate
        byte[] malformed = {'{', '"', 'k', '"', ':', '"', (byte) 0x80, (byte) 0xC0, (byte) 0xAF, (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'};

        assertThat(AuditIntake.asStored(malformed)).isEqualTo(viaString(malformed)).isNotEqualTo(malformed);
    }
}
