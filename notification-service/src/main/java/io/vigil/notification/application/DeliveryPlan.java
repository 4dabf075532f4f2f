package io.vigil.notification.application;

import io.vigil.events.notifications.Channel;
import io.vigil.notification.domain.Addressee;
import io.vigil.notification.domain.ChannelChoice;
import io.vigil.notification.persistence.Deliveries;
import io.vigil.notification.persistence.DeliveryRow;
import io.vigil.notification.templates.RenderedMessage;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records the deliveries a cause needs, one per (cause, recipient, channel), in the caller's transaction; the
 * channels' workers send them after the commit. The notification id is derived from that key, so it is the same
 * however often the cause arrives, and a receiver can deduplicate on it ({@code webhook-id}).
 */
@ApplicationScoped
public class DeliveryPlan {
    /** What caused a message: the event (or test request) id, its type and subject. */
    public record Cause(String eventId, String type, String subject) {
    }

    private final Deliveries deliveries;
    private final Clock clock;
    private final boolean slackHandlesReachable;

    private final DeliverySignal signal;

    public DeliveryPlan(Deliveries deliveries, Clock clock, io.vigil.notification.config.NotificationConfig config,
                        DeliverySignal signal) {
        this.deliveries = deliveries;
        this.signal = signal;
        this.clock = clock;
        this.slackHandlesReachable = config.slack().webhookUrl().isPresent();
    }

    /** The channels and addresses this person is reached on. */
    public Map<Channel, String> channelsOf(io.vigil.notification.domain.Contact contact) {
        return ChannelChoice.of(contact, slackHandlesReachable);
    }

    public static String notificationId(String causationEventId, String recipient, Channel channel) {
        String key = causationEventId + "|" + recipient + "|" + channel.name();
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** @return the ids of the deliveries recorded now (none for a cause seen before) */
    public List<String> record(Cause cause, Addressee to, RenderedMessage message) {
        List<String> recorded = new ArrayList<>();
        for (Map.Entry<Channel, String> channel : channelsOf(to.contact()).entrySet()) {
            recordOne(cause, to, channel.getKey(), channel.getValue(), message).ifPresent(recorded::add);
        }
        return recorded;
    }

    /** One delivery on one channel; empty when this (cause, recipient, channel) has one already. */
    public java.util.Optional<String> recordOne(Cause cause, Addressee to, Channel channel, String address, RenderedMessage message) {
        Instant now = clock.instant();
        String id = notificationId(cause.eventId(), to.username(), channel);
        DeliveryRow row = new DeliveryRow(id, cause.eventId(), cause.type(), cause.subject(), to.username(), to.role(),
                channel.name().toLowerCase(java.util.Locale.ROOT), address, message.template(),
                message.subject(), message.body(), "pending", 0, now, null, now, null, null);
        if (!deliveries.insertOnce(row)) {
            return java.util.Optional.empty();
        }
        signal.afterCommit(channel);
        return java.util.Optional.of(id);
    }
}
