package io.vigil.notification.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.vigil.notification.application.KillSwitchIntake;
import io.vigil.platform.inbox.InboundEvents;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Kill-switch events from escalation-service: an activation notifies its notify list. */
@ApplicationScoped
public class KillSwitchConsumer {
    static final String CONSUMER = "notification.killswitch";
    private final InboundEvents inbound;
    private final KillSwitchIntake intake;

    public KillSwitchConsumer(InboundEvents inbound, KillSwitchIntake intake) {
        this.inbound = inbound;
        this.intake = intake;
    }

    @Incoming("killswitch")
    @Blocking
    void killSwitch(ConsumerRecord<String, byte[]> record) {
        inbound.accept(CONSUMER, record, intake::received);
    }
}
