package io.vigil.notification.channel;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * Standard Webhooks signing: {@code v1,} + base64 HMAC-SHA256 of {@code "<webhook-id>.<webhook-timestamp>.<body>"},
 * keyed by the base64-decoded part of a {@code whsec_} secret.
 */
public final class WebhookSignature {
    private static final String PREFIX = "whsec_";
    private final byte[] key;

    public WebhookSignature(String secret) {
        String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
        try {
            this.key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("vigil.notification.webhook.secret must be whsec_ followed by base64", e);
        }
        if (key.length == 0) {
            throw new IllegalArgumentException("vigil.notification.webhook.secret is empty");
        }
    }

    /** The {@code webhook-signature} header value for this id, timestamp (epoch seconds) and body. */
    public String sign(String id, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
