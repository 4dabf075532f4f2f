package io.vigil.ownership.domain;

import io.vigil.events.EventPayload;
import io.vigil.events.roster.OnCallSlot;
import io.vigil.events.roster.OverrideSet;
import io.vigil.events.roster.RotationScheduled;
import io.vigil.events.roster.ShiftStarted;
import io.vigil.platform.domain.AggregateKind;
import io.vigil.platform.domain.Decision;
import io.vigil.platform.domain.RuleViolation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The on-call schedule (seed 001 §3), one aggregate with the id {@value #ID}: rotation weeks, overrides, and the
 * last shift announced. Gap-free from its first week on: the first week may be any week not yet over; every later
 * change must leave no instant from now (or from the first handover, if later) to the last edge without a primary
 * and a secondary, so a week is added next to the others and an override lies where the rotation already covers the
 * other slot. Weeks and overrides that are over are history: they are not rewritten, and a schedule that lapsed
 * starts afresh like the very first week.
 */
public record OnCallSchedule(SortedMap<LocalDate, Rotation> rotations, List<OnCallOverride> overrides, ShiftStarted announced) {
    public static final String ID = "oncall";
    /** The one pending timer of the schedule: the next edge, when a shift starts. */
    public static final String SHIFT_TIMER = "oncall-shift";

    public static final AggregateKind<OnCallSchedule> KIND = new AggregateKind<>() {
        @Override
        public String name() {
            return "oncall-schedule";
        }

        @Override
        public OnCallSchedule initial(String id) {
            return new OnCallSchedule(new TreeMap<>(), List.of(), null);
        }

        @Override
        public OnCallSchedule apply(OnCallSchedule s, EventPayload event) {
            return switch (event) {
                case RotationScheduled r -> s.with(new Rotation(r.weekStart(), r.primary(), r.secondary(), r.startsAt(), r.endsAt()));
                case OverrideSet o -> s.with(new OnCallOverride(o.overrideId(), o.slot(), o.person(), o.from(), o.to(), o.reason()));
                case ShiftStarted shift -> new OnCallSchedule(s.rotations, s.overrides, shift);
                default -> s;
            };
        }
    };

    public OnCallTimeline timeline() {
        return new OnCallTimeline(rotations.values(), overrides);
    }

    public Decision schedule(ScheduleRotation command, OnCallRules rules, Predicate<String> registered, Instant now) {
        RotationCalendar calendar = rules.calendar();
        if (!calendar.isWeekStart(command.weekStart())) {
            throw new RuleViolation(rules.rotation().ruleId(), "weeks start on " + calendar.handoverDay() + "; "
                    + command.weekStart() + " is a " + command.weekStart().getDayOfWeek());
        }
        Rotation week = new Rotation(command.weekStart(), command.primary(), command.secondary(),
                calendar.startOf(command.weekStart()), calendar.endOf(command.weekStart()));
        if (!week.endsAt().isAfter(now)) {
            throw new RuleViolation(rules.rotation().ruleId(), "the week of " + week.weekStart() + " ended at "
                    + week.endsAt() + "; weeks that are over are not rewritten");
        }
        requireRegistered(registered, command.primary(), command.secondary());
        if (week.equals(rotations.get(week.weekStart()))) {
            return Decision.nothing();
        }
        OnCallSchedule next = with(week);
        next.requireGapFreeAndDistinct(rules, now);
        RotationScheduled event = new RotationScheduled(week.weekStart(), week.primary(), week.secondary(),
                calendar.zone().getId(), week.startsAt(), week.endsAt(), now, rules.noGap().ruleId(), rules.noGap().policyVersion());
        return next.withShiftTimer(Decision.by(rules.noGap(), event), now);
    }

    public Decision override(SetOverride command, OnCallRules rules, Predicate<String> registered, Instant now) {
        if (!command.to().isAfter(now)) {
            throw new RuleViolation(rules.noGap().ruleId(), "the override would end at " + command.to()
                    + ", which is over; overrides are for now or later");
        }
        requireRegistered(registered, command.person());
        OnCallOverride override = new OnCallOverride(command.overrideId(), command.slot(), command.person(),
                command.from(), command.to(), command.reason());
        String replaces = timeline().coverAt(command.from())
                .map(c -> command.slot() == OnCallSlot.PRIMARY ? c.primary() : c.secondary()).orElse(null);
        OnCallSchedule next = with(override);
        next.requireGapFreeAndDistinct(rules, now);
        OverrideSet event = new OverrideSet(override.overrideId(), override.slot(), override.person(), replaces,
                override.from(), override.to(), override.reason(), now, rules.noGap().ruleId(), rules.noGap().policyVersion());
        return next.withShiftTimer(Decision.by(rules.noGap(), event), now);
    }

    /**
     * A shift timer fired for {@code at}: the cover holding it is announced unless it already was, and the next
     * edge gets the timer. Late firing announces every edge in turn, since the next timer is then due at once.
     */
    public Decision announceShift(Instant at, OnCallRules rules) {
        Optional<Cover> cover = timeline().coverAt(at);
        List<EventPayload> events = new ArrayList<>();
        cover.filter(c -> !alreadyAnnounced(c)).ifPresent(c -> events.add(new ShiftStarted(c.weekStart(), c.primary(),
                c.secondary(), c.from(), c.until(), c.overrideIds(), rules.rotation().ruleId(), rules.rotation().policyVersion())));
        Decision decision = events.isEmpty() ? Decision.nothing() : Decision.by(rules.rotation(), events.toArray(EventPayload[]::new));
        Optional<Instant> next = timeline().nextEdgeAfter(at);
        return next.isPresent() ? decision.schedule(SHIFT_TIMER, next.get(), null) : decision;
    }

    /** After a change: the shift timer is set again, due now if the cover at this moment is not the one announced. */
    private Decision withShiftTimer(Decision decision, Instant now) {
        Decision cancelled = decision.cancel(SHIFT_TIMER);
        Optional<Cover> current = timeline().coverAt(now);
        if (current.isPresent() && !alreadyAnnounced(current.get())) {
            return cancelled.schedule(SHIFT_TIMER, now, null);
        }
        return timeline().nextEdgeAfter(now).map(edge -> cancelled.schedule(SHIFT_TIMER, edge, null)).orElse(cancelled);
    }

    private boolean alreadyAnnounced(Cover cover) {
        return announced != null && announced.from().equals(cover.from())
                && announced.primary().equals(cover.primary()) && announced.secondary().equals(cover.secondary());
    }

    private void requireGapFreeAndDistinct(OnCallRules rules, Instant now) {
        OnCallTimeline timeline = timeline();
        timeline.firstUncovered(now).ifPresent(gap -> {
            throw new RuleViolation(rules.noGap().ruleId(), "the change would leave " + gap
                    + " without a primary and a secondary; the schedule must stay gap-free from its first week on");
        });
        timeline.firstSamePersonInBothSlots(now).ifPresent(c -> {
            throw new RuleViolation(rules.rotation().ruleId(), c.primary() + " would be primary and secondary at once during ["
                    + c.from() + ", " + c.until() + "); the two slots need two people");
        });
    }

    private static void requireRegistered(Predicate<String> registered, String... people) {
        for (String person : people) {
            if (!registered.test(person)) {
                throw new RuleViolation("person-registered", "'" + person + "' is not a registered person; PUT /people/"
                        + person + " first");
            }
        }
    }

    private OnCallSchedule with(Rotation week) {
        TreeMap<LocalDate, Rotation> next = new TreeMap<>(rotations);
        next.put(week.weekStart(), week);
        return new OnCallSchedule(next, overrides, announced);
    }

    private OnCallSchedule with(OnCallOverride override) {
        List<OnCallOverride> next = new ArrayList<>(overrides);
        next.add(override);
        return new OnCallSchedule(rotations, next, announced);
    }
}
