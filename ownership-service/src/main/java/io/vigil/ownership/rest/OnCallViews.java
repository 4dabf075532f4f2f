package io.vigil.ownership.rest;

import io.vigil.ownership.domain.Cover;
import io.vigil.ownership.domain.OnCallOverride;
import io.vigil.ownership.domain.Rotation;

import java.time.Instant;
import java.time.LocalDate;

/** What the on-call endpoints answer. */
final class OnCallViews {
    record Now(String primary, String secondary, Instant from, Instant until) {
    }

    /** Who holds a slot and why: {@code rotation} (the week's person) or {@code override} (with its id and reason). */
    record SlotHolder(String person, String because, String overrideId, String reason) {
        static SlotHolder of(String person, OnCallOverride override) {
            if (person == null) {
                return null;
            }
            return override == null ? new SlotHolder(person, "rotation", null, null)
                    : new SlotHolder(person, "override", override.overrideId(), override.reason());
        }
    }

    record Stretch(Instant from, Instant until, LocalDate weekStart, SlotHolder primary, SlotHolder secondary) {
        static Stretch of(Cover c) {
            return new Stretch(c.from(), c.until(), c.weekStart(), SlotHolder.of(c.primary(), c.primaryOverride()),
                    SlotHolder.of(c.secondary(), c.secondaryOverride()));
        }
    }

    record Week(LocalDate weekStart, String primary, String secondary, Instant startsAt, Instant endsAt) {
        static Week of(Rotation r) {
            return new Week(r.weekStart(), r.primary(), r.secondary(), r.startsAt(), r.endsAt());
        }
    }

    record OverrideView(String overrideId, String slot, String person, Instant from, Instant to, String reason) {
        static OverrideView of(OnCallOverride o) {
            return new OverrideView(o.overrideId(), o.slot().name().toLowerCase(), o.person(), o.from(), o.to(), o.reason());
        }
    }

    private OnCallViews() {
    }
}
