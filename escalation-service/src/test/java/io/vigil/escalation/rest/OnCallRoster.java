package io.vigil.escalation.rest;

import io.vigil.escalation.persistence.RosterReadModel;
import org.apache.kafka.clients.producer.Producer;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import static org.awaitility.Awaitility.await;

/**
 * Puts oncall-3 (primary) and oncall-4 (secondary) on call from an hour ago for a week, by rotation and by overrides
 * (other services' tests publish their own rotations on the same topic; the latest override wins), and the realm
 * role holders; waits until our copy of the roster says so.
 */
final class OnCallRoster {
    static final String PRIMARY = "oncall-3";
    static final String SECONDARY = "oncall-4";

    static void publish(Producer<String, byte[]> producer, RosterReadModel roster, Instant now) {
        Published published = new Published(producer);
        Instant from = now.minus(Duration.ofHours(1));
        Instant to = now.plus(Duration.ofDays(7));
        published.rotation(LocalDate.of(2100, 1, 4).plusWeeks(ThreadLocalRandom.current().nextInt(5000)), PRIMARY, SECONDARY, from, to);
        published.override("primary", PRIMARY, from, to);
        published.override("secondary", SECONDARY, from, to);
        for (String role : new String[]{"ingestion-owner", "sre-lead", "product-manager"}) {
            published.roleGranted(role, role, now);
        }
        Instant later = now.plus(Duration.ofHours(2));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Optional.of(PRIMARY).equals(roster.onCall("primary", later))
                        && Optional.of(SECONDARY).equals(roster.onCall("secondary", later))
                        && roster.holdersOf("product-manager").contains("product-manager")
                        && roster.holdersOf("sre-lead").contains("sre-lead"));
    }

    private OnCallRoster() {
    }
}
