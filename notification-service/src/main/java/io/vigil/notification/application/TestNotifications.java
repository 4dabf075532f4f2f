package io.vigil.notification.application;

import io.vigil.notification.domain.Addressee;
import io.vigil.notification.domain.Contact;
import io.vigil.notification.domain.MessageTemplate;
import io.vigil.notification.templates.MessageTemplates;
import io.vigil.notification.templates.MessageValues;
import io.vigil.platform.domain.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A test message to oneself on every channel one is reachable on; each request is its own cause. */
@ApplicationScoped
public class TestNotifications {
    public static final String CAUSATION_TYPE = "notification.test-requested";
    private final MessageTemplates templates = new MessageTemplates();
    private final Directory directory;
    private final DeliveryPlan plan;
    private final Clock clock;

    public TestNotifications(Directory directory, DeliveryPlan plan, Clock clock) {
        this.directory = directory;
        this.plan = plan;
        this.clock = clock;
    }

    /** @return the request id (the deliveries' causation id) and the notification ids */
    @Transactional
    public Requested send(String username) {
        Contact me = directory.person(username).orElseThrow(() -> new RuleViolation("notification.contact-required",
                username + " is not in the contact directory: register the person (PUT /people/" + username
                        + " on ownership-service) first"));
        String requestId = UUID.randomUUID().toString();
        List<String> ids = new ArrayList<>();
        MessageValues values = new MessageValues(me.zone(), null, Duration.ZERO);
        DeliveryPlan.Cause cause = new DeliveryPlan.Cause(requestId, CAUSATION_TYPE, null);
        for (var channel : plan.channelsOf(me).entrySet()) {
            var message = templates.render(MessageTemplate.TEST, values.test(clock.instant(), me.display(),
                    channel.getKey().name().toLowerCase(java.util.Locale.ROOT)));
            plan.recordOne(cause, new Addressee(me, null), channel.getKey(), channel.getValue(), message).ifPresent(ids::add);
        }
        if (ids.isEmpty()) {
            throw new RuleViolation("notification.channel-required", username + " has no e-mail address, Slack webhook or webhook");
        }
        return new Requested(requestId, ids);
    }

    public record Requested(String requestId, List<String> notificationIds) {
    }
}
