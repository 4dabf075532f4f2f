package io.vigil.policy;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * When production deploys are avoided (seed 002 "Deployment Schedule": peak hours, Friday afternoons, weekends,
 * holidays, unless emergency). Times are local to {@code zone}; release types in {@code exemptReleaseTypes}
 * (hotfixes) may deploy any time.
 */
public record DeploySchedule(
        ZoneId zone,
        Effect effect,
        List<String> exemptReleaseTypes,
        List<Avoid> avoid,
        Holidays holidays) {

    public DeploySchedule {
        exemptReleaseTypes = List.copyOf(exemptReleaseTypes);
        avoid = List.copyOf(avoid);
    }

    public enum Effect {
        /** The deploy is flagged with the rule; it goes ahead. */
        @JsonProperty("warn") WARN,
        /** A deploy registered in an avoided slot is refused. */
        @JsonProperty("refuse") REFUSE
    }

    /**
     * Days of the week, optionally limited to [from, to) local time; without {@code from} the day starts at 00:00,
     * without {@code to} it runs to midnight.
     */
    public record Avoid(String ruleId, Set<DayOfWeek> days, LocalTime from, LocalTime to) implements Rule {
        public Avoid {
            days = Set.copyOf(days);
        }

        public boolean covers(LocalDateTime local) {
            LocalTime time = local.toLocalTime();
            return days.contains(local.getDayOfWeek())
                    && (from == null || !time.isBefore(from))
                    && (to == null || time.isBefore(to));
        }
    }

    public record Holidays(String ruleId, List<LocalDate> dates) implements Rule {
        public Holidays {
            dates = List.copyOf(dates);
        }
    }
}
