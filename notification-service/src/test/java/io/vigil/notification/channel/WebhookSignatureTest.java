package io.vigil.notification.channel;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {
    /** The vector of the Standard Webhooks / Svix reference libraries' sign tests. */
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long TIMESTAMP = 1614265330L;
    static final String BODY = "{\"test\": 2432232314}";

    @Test
    void shouldReproduceThePublishedTestVector() {
        assertThat(new WebhookSignature(SECRET).sign(ID, TIMESTAMP, BODY.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void shouldAgreeWithAnIndependentHmacBuiltOnSha256Alone() {
        byte[] body = "{\"type\":\"vigil.notification.incident-start\",\"data\":{\"text\":\"🔴 INCIDENT\"}}".getBytes(StandardCharsets.UTF_8);
        String secret = "whsec_" + Base64.getEncoder().encodeToString("another key of some length".getBytes(StandardCharsets.UTF_8));
        String header = new WebhookSignature(secret).sign("notif-1", 1_800_000_000L, body);
        assertThat(IndependentWebhookVerifier.verifies(secret, "notif-1", "1800000000", body, header)).isTrue();
        assertThat(IndependentWebhookVerifier.verifies(secret, "notif-2", "1800000000", body, header)).isFalse();
    }

    @Test
    void shouldAcceptTheSecretWithoutItsPrefix() {
        assertThat(new WebhookSignature("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").sign(ID, TIMESTAMP, BODY.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }
}
