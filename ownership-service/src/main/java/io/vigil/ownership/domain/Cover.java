package io.vigil.ownership.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A stretch of constant cover [from, until): who holds each slot and why (the rotation of {@code weekStart}, or the
 * override named). A null person means the slot is uncovered there.
 */
public record Cover(Instant from, Instant until, LocalDate weekStart, String primary, String secondary,
                    OnCallOverride primaryOverride, OnCallOverride secondaryOverride) {

    public boolean complete() {
        return primary != null && secondary != null;
    }

    public List<String> overrideIds() {
        List<String> ids = new ArrayList<>();
        if (primaryOverride != null) {
            ids.add(primaryOverride.overrideId());
        }
        if (secondaryOverride != null) {
            ids.add(secondaryOverride.overrideId());
        }
        return ids;
    }
}
