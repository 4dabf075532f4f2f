package io.vigil.escalation.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.vigil.escalation.application.AlertIntake;
import io.vigil.escalation.application.CopiedEvents;
import io.vigil.platform.inbox.InboundEvents;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Alerts from monitoring systems; the roster and the deploy windows we keep a copy of. Every record goes through the inbox. */
@ApplicationScoped
public class InboundConsumers {
    static final String ALERTS = "escalation.alerts";
    static final String ROSTER = "escalation.roster";
    static final String OWNERSHIP = "escalation.ownership";

    private final InboundEvents inbound;
    private final AlertIntake alerts;
    private final CopiedEvents copies;

    public InboundConsumers(InboundEvents inbound, AlertIntake alerts, CopiedEvents copies) {
        this.inbound = inbound;
        this.alerts = alerts;
        this.copies = copies;
    }

    @Incoming("alerts")
    @Blocking
    void alert(ConsumerRecord<String, byte[]> record) {
        inbound.accept(ALERTS, record, alerts::received);
    }

    @Incoming("roster")
    @Blocking
    void roster(ConsumerRecord<String, byte[]> record) {
        inbound.accept(ROSTER, record, copies::roster);
    }

    @Incoming("ownership")
    @Blocking
    void ownership(ConsumerRecord<String, byte[]> record) {
        inbound.accept(OWNERSHIP, record, copies::ownership);
    }
}
