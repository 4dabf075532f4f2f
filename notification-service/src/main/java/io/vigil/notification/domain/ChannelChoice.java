package io.vigil.notification.domain;

import io.vigil.events.notifications.Channel;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The channels a person is reached on and the address on each: e-mail when they have an address, Slack when their
 * Slack entry is an incoming-webhook URL (or a member handle and the service has a shared Slack webhook that can
 * mention them), the generic webhook when they registered one. Each channel is its own delivery.
 */
public final class ChannelChoice {
    private ChannelChoice() {
    }

    /** @param slackHandlesReachable a shared Slack webhook is configured, so a bare handle can be mentioned there */
    public static Map<Channel, String> of(Contact contact, boolean slackHandlesReachable) {
        Map<Channel, String> channels = new LinkedHashMap<>();
        if (present(contact.email())) {
            channels.put(Channel.EMAIL, contact.email());
        }
        if (present(contact.slack()) && (isUrl(contact.slack()) || slackHandlesReachable)) {
            channels.put(Channel.SLACK, contact.slack().strip());
        }
        if (present(contact.webhookUrl())) {
            channels.put(Channel.WEBHOOK, contact.webhookUrl());
        }
        return channels;
    }

    /** An address that is itself an incoming-webhook URL rather than a member handle. */
    public static boolean isUrl(String address) {
        String a = address.strip().toLowerCase(Locale.ROOT);
        return a.startsWith("https://") || a.startsWith("http://");
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
