package io.vigil.scenarios;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The services' clocks, moved together through clock control (POST /admin/clock/advance, role admin; on in the
 * system make up starts). Each service keeps its own offset in memory, so one restarted lags behind the others:
 * {@link #align()} brings every clock to the furthest one before a scenario starts.
 */
public final class Clocks {
    private final VigilSystem system;
    private final Tokens tokens;

    public Clocks(VigilSystem system, Tokens tokens) {
        this.system = system;
        this.tokens = tokens;
    }

    /** Every service's clock moved forward to the furthest offset among them; returns the common now. */
    public Instant align() {
        Map<URI, Duration> offsets = new LinkedHashMap<>();
        for (URI service : system.services()) {
            JsonNode state = Http.get(service, "/admin/clock", admin()).expect(200);
            offsets.put(service, Duration.parse(state.path("offset").asText()));
        }
        Duration furthest = offsets.values().stream().max(Duration::compareTo).orElse(Duration.ZERO);
        offsets.forEach((service, offset) -> {
            if (offset.compareTo(furthest) < 0) {
                advance(service, furthest.minus(offset));
            }
        });
        return now();
    }

    /** Moves every service's clock by {@code by}; their due timers fire at once. Returns the new now. */
    public Instant advance(Duration by) {
        Instant now = null;
        for (URI service : system.services()) {
            now = advance(service, by);
        }
        return now;
    }

    /** The system's now (ownership-service's clock). */
    public Instant now() {
        return Instant.parse(Http.get(system.ownership(), "/admin/clock", admin()).expect(200).path("now").asText());
    }

    private Instant advance(URI service, Duration by) {
        JsonNode state = Http.post(service, "/admin/clock/advance", admin(), Map.of("by", by.toString())).expect(200);
        return Instant.parse(state.path("now").asText());
    }

    private String admin() {
        return tokens.of("admin");
    }
}
