package io.vigil.notification.application;

import io.vigil.events.notifications.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

/**
 * Wakes a channel's workers once the transaction that recorded deliveries for it has committed, so a message goes
 * out at once instead of at the next poll; a rolled-back transaction wakes nobody.
 */
@ApplicationScoped
public class DeliverySignal {
    private final TransactionSynchronizationRegistry registry;
    private final Map<Channel, List<Runnable>> listeners = new EnumMap<>(Channel.class);

    public DeliverySignal(TransactionSynchronizationRegistry registry) {
        this.registry = registry;
        for (Channel c : Channel.values()) {
            listeners.put(c, new CopyOnWriteArrayList<>());
        }
    }

    public void onDeliveries(Channel channel, Runnable wake) {
        listeners.get(channel).add(wake);
    }

    /** In the caller's transaction: after its commit, wake the channel's workers. */
    public void afterCommit(Channel channel) {
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    listeners.get(channel).forEach(Runnable::run);
                }
            }
        });
    }
}
