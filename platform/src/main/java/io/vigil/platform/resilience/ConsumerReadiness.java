package io.vigil.platform.resilience;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while a consumer or worker waits for the database or broker; ready again by itself when they are back. */
@Readiness
@ApplicationScoped
public class ConsumerReadiness implements HealthCheck {
    private final OutageRetry retry;

    public ConsumerReadiness(OutageRetry retry) {
        this.retry = retry;
    }

    @Override
    public HealthCheckResponse call() {
        var outages = retry.outages();
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("vigil-consumers").status(outages.isEmpty());
        outages.forEach((worker, o) -> builder.withData(worker,
                "degraded since " + o.since() + ", attempt " + o.attempts() + ": " + o.lastError()));
        return builder.build();
    }
}
