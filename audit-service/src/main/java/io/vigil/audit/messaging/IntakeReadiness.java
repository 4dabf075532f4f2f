package io.vigil.audit.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the log's consumer has joined its group, nor while it is between assignments or has stopped. */
@Readiness
@ApplicationScoped
public class IntakeReadiness implements HealthCheck {
    private final AuditConsumer consumer;

    public IntakeReadiness(AuditConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("audit-intake").status(consumer.ready()).build();
    }
}
