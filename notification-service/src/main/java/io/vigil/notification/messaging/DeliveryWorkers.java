package io.vigil.notification.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vigil.events.notifications.Channel;
import io.vigil.notification.application.DeliveryRunner;
import io.vigil.notification.application.DeliverySignal;
import io.vigil.notification.config.NotificationConfig;
import io.vigil.platform.worker.WakeableLoop;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code workers-per-channel} senders for each channel, each a loop of its own: a slow or broken channel never holds
 * up another, and within a channel the workers claim different rows (SKIP LOCKED), so one hanging destination
 * holds one worker at most. A worker runs when woken by a commit that recorded deliveries for its channel, and at
 * least every {@code poll-interval} (retries that came due, rows another instance left). A failure of our own
 * database is logged by the loop and tried again at its next turn; the rows stay due.
 */
@ApplicationScoped
public class DeliveryWorkers {
    private final DeliveryRunner runner;
    private final DeliverySignal signal;
    private final NotificationConfig.Delivery config;
    private final List<WakeableLoop> loops = new ArrayList<>();

    public DeliveryWorkers(DeliveryRunner runner, DeliverySignal signal, NotificationConfig config) {
        this.runner = runner;
        this.signal = signal;
        this.config = config.delivery();
    }

    void start(@Observes StartupEvent started) {
        if (!config.enabled()) {
            return;
        }
        for (Channel channel : Channel.values()) {
            List<WakeableLoop> ofChannel = new ArrayList<>();
            for (int i = 1; i <= config.workersPerChannel(); i++) {
                WakeableLoop[] self = new WakeableLoop[1];
                self[0] = new WakeableLoop("deliver-" + channel.name().toLowerCase(Locale.ROOT) + "-" + i, config.pollInterval(),
                        () -> drain(channel, self[0]));
                ofChannel.add(self[0]);
            }
            signal.onDeliveries(channel, () -> ofChannel.forEach(WakeableLoop::wake));
            ofChannel.forEach(WakeableLoop::start);
            loops.addAll(ofChannel);
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        loops.forEach(WakeableLoop::stop);
    }

    private void drain(Channel channel, WakeableLoop loop) {
        while (loop.running() && runner.runDue(channel) > 0) {
            // keep going while there is work; the loop sleeps when a pass found nothing due
        }
    }
}
