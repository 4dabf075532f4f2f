package io.vigil.notification.channel;

import io.vigil.events.notifications.Channel;

/** Sends messages on one channel; throws {@link DeliveryFailure} (or any exception) when the channel refused. */
public interface ChannelSender {
    Channel channel();

    void send(OutgoingMessage message);
}
