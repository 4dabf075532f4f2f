package io.vigil.notification.channel;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class EncodedSubjectTest {
    @Test
    void shouldLeavePlainAsciiAlone() {
        assertThat(EncodedSubject.of("INCIDENT: checkout P1")).isEqualTo("INCIDENT: checkout P1");
    }

    @Test
    void shouldEncodeTheMarkerEmojiInWordsThatDecodeToTheSubject() {
        String subject = "🔴 INCIDENT: a-rather-long-service-name-for-the-test P1 with more words";
        String encoded = EncodedSubject.of(subject);
        assertThat(encoded).matches("[ -~]+");
        String decoded = Arrays.stream(encoded.split(" "))
                .peek(w -> assertThat(w.length()).isLessThanOrEqualTo(75))
                .map(w -> w.substring("=?UTF-8?B?".length(), w.length() - 2))
                .map(b -> new String(Base64.getDecoder().decode(b), StandardCharsets.UTF_8))
                .collect(Collectors.joining());
        assertThat(decoded).isEqualTo(subject);
    }
}
