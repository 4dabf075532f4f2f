package io.vigil.notification.domain;

import io.vigil.events.notifications.Channel;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The channels a person is reached on and the address on each: e-mail when they have an address, the generic
 * webhook when they registered one. Slack is a later slice: its handle is kept but not used yet.
 */
public final class ChannelChoice {
    private ChannelChoice() {
    }

    public static Map<Channel, String> of(Contact contact) {
        Map<Channel, String> channels = new LinkedHashMap<>();
        if (present(contact.email())) {
            channels.put(Channel.EMAIL, contact.email());
        }
        if (present(contact.webhookUrl())) {
            channels.put(Channel.WEBHOOK, contact.webhookUrl());
        }
        return channels;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
