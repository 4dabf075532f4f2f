package io.vigil.notification.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.events.notifications.Channel;
import io.vigil.notification.config.NotificationConfig;
import io.vigil.notification.domain.ChannelChoice;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Slack incoming webhooks with a Block Kit body ({@link SlackMessage}). The address is the person's own
 * incoming-webhook URL, or their member handle, mentioned in the shared channel of
 * {@code vigil.notification.slack.webhook-url}. Slack answers 200 {@code ok}; anything else is tried again.
 */
@ApplicationScoped
public class SlackSender implements ChannelSender {
    private final HttpClient http;
    private final Duration timeout;
    private final Optional<String> sharedWebhook;
    private final ObjectMapper json = new ObjectMapper();

    public SlackSender(NotificationConfig config) {
        this.timeout = config.slack().timeout();
        this.sharedWebhook = config.slack().webhookUrl();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public Channel channel() {
        return Channel.SLACK;
    }

    @Override
    public void send(OutgoingMessage m) {
        boolean own = ChannelChoice.isUrl(m.address());
        String url = own ? m.address().strip() : sharedWebhook.orElseThrow(() ->
                new DeliveryFailure("no Slack webhook for member " + m.address() + ": set vigil.notification.slack.webhook-url"));
        byte[] body;
        try {
            body = json.writeValueAsBytes(SlackMessage.of(m, own ? null : m.address()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("content-type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new DeliveryFailure("Slack webhook answered " + response.statusCode() + " " + abbreviate(response.body()));
            }
        } catch (IOException e) {
            throw new DeliveryFailure("Slack webhook not reachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailure("interrupted while calling the Slack webhook", e);
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) : s;
    }
}
