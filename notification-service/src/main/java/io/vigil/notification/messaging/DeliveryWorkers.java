package io.vigil.notification.messaging;

import io.quarkus.scheduler.Scheduled;
import io.vigil.events.notifications.Channel;
import io.vigil.notification.application.DeliveryRunner;
import io.vigil.notification.config.NotificationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * One worker per channel, each on its own schedule: a slow or broken channel never holds up the other.
 * A failure of our own database is logged and tried again at the next tick; the rows stay due.
 */
@ApplicationScoped
public class DeliveryWorkers {
    private static final Logger LOG = Logger.getLogger(DeliveryWorkers.class);
    private final DeliveryRunner runner;
    private final boolean enabled;

    public DeliveryWorkers(DeliveryRunner runner, NotificationConfig config) {
        this.runner = runner;
        this.enabled = config.delivery().enabled();
    }

    @Scheduled(identity = "deliver-email", every = "${vigil.notification.delivery.poll-interval:PT1S}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void email() {
        run(Channel.EMAIL);
    }

    @Scheduled(identity = "deliver-webhook", every = "${vigil.notification.delivery.poll-interval:PT1S}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void webhook() {
        run(Channel.WEBHOOK);
    }

    private void run(Channel channel) {
        if (!enabled) {
            return;
        }
        try {
            runner.runDue(channel);
        } catch (RuntimeException e) {
            LOG.warnf("%s deliveries wait for the next run: %s", channel, e.toString());
        }
    }
}
