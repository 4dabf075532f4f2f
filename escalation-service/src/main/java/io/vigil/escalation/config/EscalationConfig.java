package io.vigil.escalation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** escalation-service's own keys ({@code vigil.escalation.*}); the platform's are in {@code VigilConfig}. */
@ConfigMapping(prefix = "vigil.escalation")
public interface EscalationConfig {
    Alertmanager alertmanager();

    PagerDuty pagerduty();

    /** {@code POST /integrations/alertmanager}: besides an event-publisher token, HTTP basic auth with this secret. */
    interface Alertmanager {
        @WithDefault("alertmanager")
        String username();

        /** Unset: only event-publisher bearer tokens are accepted. Set it in production from a secret store. */
        Optional<String> secret();
    }

    /** {@code POST /v2/enqueue}: besides an event-publisher token, an event whose {@code routing_key} is this secret. */
    interface PagerDuty {
        /** Unset: only event-publisher bearer tokens are accepted. Set it in production from a secret store. */
        Optional<String> routingKey();
    }
}
