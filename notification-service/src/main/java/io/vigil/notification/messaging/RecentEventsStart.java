package io.vigil.notification.messaging;

import io.quarkus.arc.Unremovable;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import io.vigil.notification.config.NotificationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a consumer group with no committed offset starts on a partition: at the first record younger than
 * {@code vigil.notification.max-event-age}, not at the beginning and not at the end.
 * <p>
 * Why: a notice is worth sending only while it is recent (an older event would be recorded and skipped anyway), so
 * reading a topic's whole history first (vigil.ownership carries millions of records where benchmarks ran) only
 * delays the first live notice by as long as that takes. Starting at the end ({@code latest}) would instead drop the
 * notices of the last hours that a first start, or a renamed group, should still send. A group that has committed
 * offsets resumes from them, so a restart or a crash loses nothing; the listener only decides a group's first start.
 */
@ApplicationScoped
@Unremovable // looked up by name by the Kafka connector, never injected
@Identifier(RecentEventsStart.NAME)
public class RecentEventsStart implements KafkaConsumerRebalanceListener {
    public static final String NAME = "notification.recent-events-start";
    private static final Logger LOG = Logger.getLogger(RecentEventsStart.class);
    private final Clock clock;
    private final Duration maxAge;

    @Inject
    public RecentEventsStart(Clock clock, NotificationConfig config) {
        this(clock, config.maxEventAge());
    }

    RecentEventsStart(Clock clock, Duration maxAge) {
        this.clock = clock;
        this.maxAge = maxAge;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
        Set<TopicPartition> fresh = new HashSet<>();
        for (TopicPartition p : partitions) {
            if (committed.get(p) == null) {
                fresh.add(p);
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        long since = clock.instant().minus(maxAge).toEpochMilli();
        Map<TopicPartition, Long> times = new HashMap<>();
        fresh.forEach(p -> times.put(p, since));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(times);
        for (TopicPartition p : fresh) {
            OffsetAndTimestamp at = found.get(p);
            if (at == null) {
                consumer.seekToEnd(List.of(p));
            } else {
                consumer.seek(p, at.offset());
            }
            LOG.infof("%s has no committed offset: starting at %s (records younger than %s)", p,
                    at == null ? "the end" : "offset " + at.offset(), maxAge);
        }
    }
}
