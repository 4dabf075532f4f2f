package io.vigil.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** notification-service's own keys ({@code vigil.notification.*}); the platform's are in {@code VigilConfig}. */
@ConfigMapping(prefix = "vigil.notification")
public interface NotificationConfig {
    Webhook webhook();

    Delivery delivery();

    Slack slack();

    /**
     * An event whose instant lies further back than this (a service started on a topic's old history) is recorded
     * but notifies nobody: a page for an incident of last month helps no one.
     */
    @WithDefault("PT24H")
    java.time.Duration maxEventAge();

    /**
     * Time a notification deadline allows beyond itself before it is checked: a deadline of "immediately" (the instant
     * of the event) is kept by a message delivered within it.
     */
    @WithDefault("PT1M")
    Duration deadlineGrace();

    interface Webhook {
        /** The Standard Webhooks signing secret, {@code whsec_} + base64; the default is for local development only. */
        @WithDefault("whsec_dmlnaWwtZGV2LXdlYmhvb2stc2lnbmluZy1zZWNyZXQ=")
        String secret();

        /** Connect and response timeout of one webhook call. */
        @WithDefault("PT10S")
        Duration timeout();
    }

    interface Slack {
        /**
         * A shared channel's incoming webhook: people whose Slack entry is a member handle (not a webhook URL of
         * their own) are mentioned there. Without it, only people with their own Slack webhook URL get Slack messages.
         */
        java.util.Optional<String> webhookUrl();

        /** Connect and response timeout of one Slack call. */
        @WithDefault("PT10S")
        Duration timeout();
    }

    interface Delivery {
        /** Run the per-channel delivery workers (tests drive them by hand when off). */
        @WithDefault("true")
        boolean enabled();

        /** How often each channel's workers look for due deliveries they were not woken for (retries, other instances). */
        @WithDefault("PT1S")
        Duration pollInterval();

        /** Wait before the first retry of a failed delivery; doubles with every further attempt. */
        @WithDefault("PT10S")
        Duration initialBackoff();

        /** The longest wait between two attempts. */
        @WithDefault("PT10M")
        Duration maxBackoff();

        /** Attempts before a delivery has failed for good ({@code notification.failed}). */
        @WithDefault("6")
        int maxAttempts();

        /** Messages a minute at most to one destination (channel + address), spaced evenly, per instance, by channel. */
        PerDestinationPerMinute perDestinationPerMinute();

        /** Concurrent senders per channel; each claims its own rows with SKIP LOCKED. */
        @WithDefault("3")
        int workersPerChannel();
    }

    interface PerDestinationPerMinute {
        /** One mailbox: 60, so a storm reaches a person's inbox as a stream rather than a flood. */
        @WithDefault("60")
        int email();

        /** One incoming webhook: 60 keeps to Slack's one message a second. */
        @WithDefault("60")
        int slack();

        /** One webhook URL, a machine endpoint (a pager, a chat bridge): 1200, twenty a second. */
        @WithDefault("1200")
        int webhook();

        /** The rates by channel name, as {@link io.vigil.notification.domain.DestinationGate} takes them. */
        default java.util.Map<String, Integer> byChannel() {
            return java.util.Map.of("email", email(), "slack", slack(), "webhook", webhook());
        }
    }
}
