package io.vigil.platform.testing;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.vigil.events.deploys.DeployStarted;
import io.vigil.platform.inbox.InboundEvents;
import io.vigil.platform.inbox.RejectedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A consumer wired like a service's: real Kafka channel, the platform's inbound path, a handler with an effect. */
@jakarta.inject.Singleton // no client proxy: tests read its fields
public class RecordingConsumer {
    public static final String NAME = "platform-test";
    public final List<String> applied = new CopyOnWriteArrayList<>();
    /** Attempts per event id of the failing kinds below. */
    public final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    /** While true, deploys named "outage-…" fail as if the database were down. */
    public volatile boolean databaseDown;
    private final InboundEvents inbound;

    public RecordingConsumer(InboundEvents inbound) {
        this.inbound = inbound;
    }

    @Incoming("platform-test")
    @Blocking
    void consume(ConsumerRecord<String, byte[]> record) {
        inbound.accept(NAME, record, event -> {
            if (event.payload() instanceof DeployStarted d) {
                String id = d.deployId();
                int attempt = attempts.computeIfAbsent(event.id(), k -> new AtomicInteger()).incrementAndGet();
                if (id.startsWith("reject")) {
                    throw new RejectedEvent("deploy " + id + " is not wanted here");
                }
                if (id.startsWith("flaky") && attempt <= 3) {
                    throw new IllegalStateException("cannot record processed event", new SQLException("I/O error", "08006"));
                }
                if (id.startsWith("outage") && databaseDown) {
                    throw new IllegalStateException("cannot load aggregate", new SQLException("connection refused", "08001"));
                }
                if (id.startsWith("bug")) {
                    throw new NullPointerException("a bug in the handler");
                }
            }
            applied.add(event.id());
        });
    }
}
