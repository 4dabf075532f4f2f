package io.vigil.ownership.domain;

import io.vigil.events.roster.OnCallSlot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Who covers what, from the rotation weeks and the overrides in the order they were set: the schedule cut at every
 * handover and override edge into stretches of constant cover. Used both to answer queries and to test a change
 * before it is accepted.
 */
public final class OnCallTimeline {
    private final List<Rotation> rotations;
    private final List<OnCallOverride> overrides;

    public OnCallTimeline(Collection<Rotation> rotations, List<OnCallOverride> overrides) {
        this.rotations = List.copyOf(rotations);
        this.overrides = List.copyOf(overrides);
    }

    /** An interval [from, to), half-open like every span of the policy. */
    public record Interval(Instant from, Instant to) {
        @Override
        public String toString() {
            return "[" + from + ", " + to + ")";
        }
    }

    /** From the first handover or override edge to the last; empty before anything is scheduled. */
    public Optional<Interval> span() {
        TreeSet<Instant> edges = edges();
        return edges.isEmpty() ? Optional.empty() : Optional.of(new Interval(edges.first(), edges.last()));
    }

    /** The stretches of [from, to), cut at every edge; uncovered slots are null. */
    public List<Cover> covers(Instant from, Instant to) {
        List<Instant> cuts = new ArrayList<>();
        cuts.add(from);
        cuts.addAll(edges().subSet(from, false, to, false));
        cuts.add(to);
        List<Cover> covers = new ArrayList<>();
        for (int i = 0; i + 1 < cuts.size(); i++) {
            covers.add(coverOf(cuts.get(i), cuts.get(i + 1)));
        }
        return covers;
    }

    /** The stretch holding {@code instant}, when the schedule has begun and not ended by then. */
    public Optional<Cover> coverAt(Instant instant) {
        Optional<Interval> span = span();
        if (span.isEmpty() || instant.isBefore(span.get().from()) || !instant.isBefore(span.get().to())) {
            return Optional.empty();
        }
        TreeSet<Instant> edges = edges();
        return Optional.of(coverOf(edges.floor(instant), edges.higher(instant)));
    }

    /** The first edge after {@code instant}: when the cover changes next. */
    public Optional<Instant> nextEdgeAfter(Instant instant) {
        return Optional.ofNullable(edges().higher(instant));
    }

    /**
     * The first stretch from {@code now} on in which a slot is empty, joined with the empty stretches right after it.
     * What is over is history and not weighed: a schedule that lapsed starts afresh like the very first week.
     */
    public Optional<Interval> firstUncovered(Instant now) {
        Optional<Interval> ahead = spanAhead(now);
        if (ahead.isEmpty()) {
            return Optional.empty();
        }
        Instant gapFrom = null;
        for (Cover c : covers(ahead.get().from(), ahead.get().to())) {
            if (!c.complete() && gapFrom == null) {
                gapFrom = c.from();
            } else if (c.complete() && gapFrom != null) {
                return Optional.of(new Interval(gapFrom, c.from()));
            }
        }
        return gapFrom == null ? Optional.empty() : Optional.of(new Interval(gapFrom, ahead.get().to()));
    }

    /** The first stretch from {@code now} on in which one person would hold both slots. */
    public Optional<Cover> firstSamePersonInBothSlots(Instant now) {
        return spanAhead(now).flatMap(s -> covers(s.from(), s.to()).stream()
                .filter(c -> c.primary() != null && c.primary().equals(c.secondary())).findFirst());
    }

    /** From now, or the first start of what is not over yet if later, to the last edge. */
    private Optional<Interval> spanAhead(Instant now) {
        TreeSet<Instant> starts = new TreeSet<>();
        rotations.stream().filter(r -> r.endsAt().isAfter(now)).forEach(r -> starts.add(r.startsAt()));
        overrides.stream().filter(o -> o.to().isAfter(now)).forEach(o -> starts.add(o.from()));
        if (starts.isEmpty()) {
            return Optional.empty();
        }
        Instant from = starts.first().isAfter(now) ? starts.first() : now;
        return Optional.of(new Interval(from, edges().last()));
    }

    private Cover coverOf(Instant from, Instant until) {
        Rotation week = rotations.stream().filter(r -> r.holds(from)).findFirst().orElse(null);
        OnCallOverride primary = overrideOf(OnCallSlot.PRIMARY, from);
        OnCallOverride secondary = overrideOf(OnCallSlot.SECONDARY, from);
        return new Cover(from, until, week == null ? null : week.weekStart(),
                primary != null ? primary.person() : week == null ? null : week.primary(),
                secondary != null ? secondary.person() : week == null ? null : week.secondary(),
                primary, secondary);
    }

    /** The override of {@code slot} in force at {@code instant}: the latest set one that holds it. */
    private OnCallOverride overrideOf(OnCallSlot slot, Instant instant) {
        OnCallOverride found = null;
        for (OnCallOverride o : overrides) {
            if (o.slot() == slot && o.holds(instant)) {
                found = o;
            }
        }
        return found;
    }

    private TreeSet<Instant> edges() {
        TreeSet<Instant> edges = new TreeSet<>();
        rotations.forEach(r -> {
            edges.add(r.startsAt());
            edges.add(r.endsAt());
        });
        overrides.forEach(o -> {
            edges.add(o.from());
            edges.add(o.to());
        });
        return edges;
    }
}
