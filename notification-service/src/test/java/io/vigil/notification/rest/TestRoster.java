package io.vigil.notification.rest;

import io.vigil.events.EventCodec;
import io.vigil.events.EventPayload;
import io.vigil.events.VigilEvent;
import io.vigil.events.roster.PersonRegistered;
import io.vigil.events.roster.RealmRole;
import io.vigil.events.roster.RoleGranted;
import io.vigil.events.roster.RotationScheduled;
import org.apache.kafka.clients.producer.Producer;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.concurrent.ThreadLocalRandom;

/** Events as other services publish them, produced to the test run's own copy of their topic ({@link TestConsumerGroups}). */
final class TestRoster {
    static final URI OWNERSHIP = URI.create("urn:vigil:ownership-service");
    private final Producer<String, byte[]> producer;
    private final EventCodec codec;

    TestRoster(Producer<String, byte[]> producer, EventCodec codec) {
        this.producer = producer;
        this.codec = codec;
    }

    /** A Monday far from every other test's weeks, different on every run. */
    static LocalDate freshWeek() {
        return LocalDate.of(2031 + ThreadLocalRandom.current().nextInt(40), 1, 1)
                .plusWeeks(ThreadLocalRandom.current().nextInt(50)).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    }

    void person(String username, String webhookUrl, RealmRole... roles) {
        slackPerson(username, null, webhookUrl, roles);
    }

    /** {@code slack}: a Slack incoming-webhook URL or member handle (or null). */
    void slackPerson(String username, String slack, String webhookUrl, RealmRole... roles) {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        send(username, new PersonRegistered(username, "Person " + username, username + "@vigil.local", slack, webhookUrl,
                "Europe/Berlin", at));
        for (RealmRole role : roles) {
            send(username, new RoleGranted(username, role, null, at));
        }
    }

    /** primary and secondary on call for the week from Monday 00:00 UTC to the next. */
    void rotation(LocalDate week, String primary, String secondary) {
        Instant starts = week.atStartOfDay(ZoneOffset.UTC).toInstant();
        send("oncall", new RotationScheduled(week, primary, secondary, "UTC", starts, starts.plusSeconds(7 * 86400),
                Instant.now(), "oncall.rotation", "2026.11.0"));
    }

    void send(String subject, EventPayload payload) {
        sendEvent(VigilEvent.of(OWNERSHIP, subject, Instant.now(), "admin", null, null, payload));
    }

    void sendEvent(VigilEvent<?> event) {
        try {
            var record = codec.toRecord(event);
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(TestConsumerGroups.topicFor(record.topic()), null,
                    record.key(), record.value(), record.headers())).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
