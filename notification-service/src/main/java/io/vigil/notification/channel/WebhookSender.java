package io.vigil.notification.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.events.notifications.Channel;
import io.vigil.notification.config.NotificationConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The generic webhook: a JSON body posted with the Standard Webhooks headers {@code webhook-id} (the notification
 * id, the same on every retry), {@code webhook-timestamp} and {@code webhook-signature}. Any 2xx is delivered.
 */
@ApplicationScoped
public class WebhookSender implements ChannelSender {
    private final HttpClient http;
    private final WebhookSignature signature;
    private final Duration timeout;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public WebhookSender(NotificationConfig config, Clock clock) {
        this.timeout = config.webhook().timeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.signature = new WebhookSignature(config.webhook().secret());
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public void send(OutgoingMessage m) {
        long timestamp = clock.instant().getEpochSecond();
        byte[] body = body(m, timestamp);
        HttpRequest request = HttpRequest.newBuilder(URI.create(m.address()))
                .timeout(timeout)
                .header("content-type", "application/json")
                .header("webhook-id", m.notificationId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature.sign(m.notificationId(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new DeliveryFailure("webhook " + m.address() + " answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new DeliveryFailure("webhook " + m.address() + " not reachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailure("interrupted while calling webhook " + m.address(), e);
        }
    }

    /** {@code {type, timestamp, data}} as the Standard Webhooks specification recommends. */
    private byte[] body(OutgoingMessage m, long timestamp) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("notificationId", m.notificationId());
        data.put("recipient", m.recipient());
        data.put("template", m.template());
        data.put("subject", m.subject());
        data.put("text", m.body());
        data.put("causationEventId", m.causationEventId());
        data.put("causationType", m.causationType());
        data.put("causationSubject", m.causationSubject());
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("type", "vigil.notification." + m.template());
        envelope.put("timestamp", java.time.Instant.ofEpochSecond(timestamp).toString());
        envelope.put("data", data);
        try {
            return json.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
