package io.vigil.ownership.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vigil.events.Envelope;
import io.vigil.events.EventCodec;
import io.vigil.events.Topics;
import io.vigil.events.roster.ShiftStarted;
import io.vigil.ownership.application.OnCallRulesInForce;
import io.vigil.ownership.application.Roster;
import io.vigil.ownership.domain.RotationCalendar;
import io.vigil.platform.clock.ControllableClock;
import io.vigil.platform.testing.KafkaTestTopics;
import io.vigil.platform.testing.Tokens;
import io.vigil.platform.timer.TimerPoller;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The on-call schedule over HTTP, Kafka and timers. The schedule is one aggregate shared by every test of the run,
 * so each test first makes sure the weeks from now on are scheduled (the same weeks twice decide nothing).
 */
@QuarkusTest
class OnCallIT {
    static final int WEEKS_AHEAD = 5;
    final EventCodec codec = new EventCodec();

    @Inject
    ControllableClock clock;


    /** The boundaries here are exact to the second: only the test moves time. */

    @BeforeEach

    void freezeTheClock() {

        clock.freeze();

    }


    @AfterEach

    void resumeTheClock() {

        clock.resume();

    }
    @Inject
    TimerPoller timers;
    @Inject
    OnCallRulesInForce rules;
    @Inject
    Roster roster;
    @Inject
    DataSource dataSource;

    RotationCalendar calendar;
    LocalDate current;

    /** Weeks alternate between two pairs, so every handover changes who is on call. */
    static List<String> pairOf(LocalDate week) {
        return ChronoUnit.WEEKS.between(LocalDate.parse("2026-01-05"), week) % 2 == 0
                ? List.of("oncall-1", "oncall-2") : List.of("oncall-3", "oncall-4");
    }

    @BeforeEach
    void scheduleTheWeeksAhead() {
        RegisteredPeople.registerAll();
        calendar = rules.rules().calendar();
        current = calendar.weekContaining(clock.instant());
        for (int i = 0; i <= WEEKS_AHEAD; i++) {
            LocalDate week = current.plusWeeks(i);
            putWeek(i % 2 == 0 ? "admin" : "ingestion-owner", week, pairOf(week).get(0), pairOf(week).get(1))
                    .then().log().ifValidationFails().statusCode(200);
        }
        timers.fireDue();
    }

    static Response putWeek(String user, LocalDate week, String primary, String secondary) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON)
                .body(Map.of("primary", primary, "secondary", secondary)).put("/oncall/rotations/" + week);
    }

    static Response postOverride(String user, String slot, String person, Instant from, Instant to, String reason) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON)
                .body(Map.of("slot", slot, "person", person, "from", from.toString(), "to", to.toString(), "reason", reason))
                .post("/oncall/overrides");
    }

    @Test
    void shouldSayWhoIsOnCallNowAsTheRosterDoes() {
        Roster.OnCall onCall = roster.onCallAt(clock.instant()).orElseThrow();
        given().auth().oauth2(Tokens.of("auditor")).get("/oncall/now").then().statusCode(200)
                .body("primary", equalTo(onCall.primary()), "secondary", equalTo(onCall.secondary()),
                        "from", equalTo(onCall.from().toString()), "until", equalTo(onCall.until().toString()));
        assertThat(List.of(onCall.primary(), onCall.secondary())).isIn(List.of("oncall-1", "oncall-2"), List.of("oncall-3", "oncall-4"));
    }

    @Test
    void shouldScheduleAWeekAndPublishItWithItsRule() {
        Instant since = Instant.now();
        LocalDate week = current.plusWeeks(WEEKS_AHEAD);
        putWeek("ingestion-owner", week, pairOf(week).get(1), pairOf(week).get(0)).then().statusCode(200)
                .body("weekStart", equalTo(week.toString()), "primary", equalTo(pairOf(week).get(1)),
                        "startsAt", equalTo(calendar.startOf(week).toString()), "endsAt", equalTo(calendar.endOf(week).toString()));

        Envelope published = KafkaTestTopics.read(Topics.ROSTER, r -> "oncall".equals(r.key()) && contains(r.value(), week.toString()), 50,
                        Duration.ofSeconds(10)).stream()
                .map(r -> codec.decode(r.headers(), r.value()))
                .filter(e -> e.type().equals("vigil.rotation.scheduled.v1") && !e.time().isBefore(since.minusSeconds(1)))
                .filter(e -> "ingestion-owner".equals(e.actor()))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(new String(published.data(), StandardCharsets.UTF_8)).contains("\"policyRule\":\"oncall.no-gap\"");
    }

    @Test
    void shouldRefuseAGapNamingTheFirstUncoveredInterval() {
        LocalDate far = current.plusWeeks(WEEKS_AHEAD + 3);
        given().auth().oauth2(Tokens.of("admin")).contentType(ContentType.JSON)
                .body(Map.of("primary", "oncall-1", "secondary", "oncall-2")).put("/oncall/rotations/" + far)
                .then().statusCode(409).contentType("application/problem+json")
                .body("rule", equalTo("oncall.no-gap"), "detail", containsString(calendar.endOf(current.plusWeeks(WEEKS_AHEAD)).toString()));
    }

    @Test
    void shouldRefuseTheSamePersonTwiceAnUnknownPersonAndAWeekThatIsNoWeek() {
        LocalDate week = current.plusWeeks(1);
        putWeek("admin", week, "oncall-1", "oncall-1").then().statusCode(409).contentType("application/problem+json")
                .body("rule", equalTo("oncall.rotation"));
        putWeek("admin", week, "oncall-1", "nobody-" + UUID.randomUUID()).then().statusCode(409)
                .body("rule", equalTo("person-registered"));
        putWeek("admin", week.plusDays(1), "oncall-1", "oncall-2").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("weekStart"));
        putWeek("admin", LocalDate.of(2026, 1, 1), "oncall-1", "oncall-2").then().statusCode(400);
    }

    @Test
    void shouldOverrideASlotAndExplainTheSchedule() {
        LocalDate week = current.plusWeeks(2);
        Instant from = calendar.startOf(week).plus(Duration.ofHours(24));
        Instant to = from.plus(Duration.ofHours(12));
        String reason = "swap " + UUID.randomUUID();
        String stand = pairOf(week).get(0).equals("oncall-1") ? "oncall-3" : "oncall-1";
        String overrideId = postOverride("ingestion-owner", "primary", stand, from, to, reason).then().statusCode(201)
                .body("person", equalTo(stand), "slot", equalTo("primary")).extract().path("overrideId");

        Response schedule = given().auth().oauth2(Tokens.of("engineer"))
                .queryParam("from", calendar.startOf(week).toString()).queryParam("to", calendar.endOf(week).toString())
                .get("/oncall/schedule");
        schedule.then().statusCode(200);
        List<Map<String, Object>> stretches = schedule.jsonPath().getList("$");
        assertThat(stretches).extracting(s -> s.get("from")).contains(from.toString(), to.toString());
        Map<String, Object> swapped = stretches.stream().filter(s -> s.get("from").equals(from.toString())).findFirst().orElseThrow();
        assertThat(swapped.get("primary")).isEqualTo(Map.of("person", stand, "because", "override", "overrideId", overrideId, "reason", reason));
        assertThat(((Map<?, ?>) swapped.get("secondary")).get("because")).isEqualTo("rotation");

        List<Envelope> published = KafkaTestTopics.read(Topics.ROSTER, r -> contains(r.value(), reason), 1, Duration.ofSeconds(20))
                .stream().map(r -> codec.decode(r.headers(), r.value())).toList();
        assertThat(published).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("vigil.override.set.v1");
            assertThat(e.subject()).isEqualTo("oncall");
        });
    }

    @Test
    void shouldRefuseAnOverrideBeyondTheScheduleOrForOnePersonInBothSlots() {
        Instant end = calendar.endOf(current.plusWeeks(WEEKS_AHEAD));
        postOverride("admin", "primary", "oncall-1", end.minus(Duration.ofHours(1)), end.plus(Duration.ofHours(1)), "late")
                .then().statusCode(409).contentType("application/problem+json")
                .body("rule", equalTo("oncall.no-gap"), "detail", containsString(end.toString()));
        LocalDate week = current.plusWeeks(3);
        Instant from = calendar.startOf(week).plus(Duration.ofHours(1));
        postOverride("admin", "primary", pairOf(week).get(1), from, from.plus(Duration.ofHours(1)), "both")
                .then().statusCode(409).body("rule", equalTo("oncall.rotation"));
        postOverride("admin", "tertiary", "oncall-1", from, from.plus(Duration.ofHours(1)), "x")
                .then().statusCode(400).body("errors.field", hasItem("slot"));
        postOverride("admin", "primary", "oncall-1", from, from, "x").then().statusCode(400).body("errors.field", hasItem("to"));
    }

    @Test
    void shouldStartAShiftAtTheHandoverWhenTheClockPassesIt() throws Exception {
        Instant handover = calendar.endOf(current);
        LocalDate next = current.plusWeeks(1);
        clock.advance(Duration.between(clock.instant(), handover).minusSeconds(1));
        timers.fireDue();
        assertThat(shiftsFrom(handover)).isEmpty();

        clock.advance(Duration.ofSeconds(2));
        timers.fireDue();
        List<String> ids = shiftsFrom(handover);
        assertThat(ids).hasSize(1);
        List<Envelope> published = KafkaTestTopics.read(Topics.ROSTER, r -> contains(r.value(), ids.get(0)), 1, Duration.ofSeconds(20))
                .stream().map(r -> codec.decode(r.headers(), r.value())).toList();
        assertThat(published).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("vigil.shift.started.v1");
            assertThat(e.subject()).isEqualTo("oncall");
            ShiftStarted shift = (ShiftStarted) codec.typed(e).payload();
            assertThat(shift.from()).isEqualTo(handover);
            assertThat(shift.weekStart()).isEqualTo(next);
            assertThat(shift.primary()).isEqualTo(pairOf(next).get(0));
            assertThat(shift.policyRule()).isEqualTo("oncall.rotation");
        });
        given().auth().oauth2(Tokens.of("engineer")).get("/oncall/now").then().statusCode(200)
                .body("primary", equalTo(pairOf(next).get(0)), "from", equalTo(handover.toString()));
    }

    @Test
    void shouldLetOnlyAdminsAndIngestionOwnersChangeTheSchedule() {
        LocalDate week = current.plusWeeks(1);
        Instant from = calendar.startOf(week.plusWeeks(1));
        for (String role : List.of("engineer", "sre-lead", "auditor", "product-manager", "support-lead", "database-owner")) {
            putWeek(role, week, "oncall-1", "oncall-2").then().statusCode(403).contentType("application/problem+json");
            postOverride(role, "primary", "oncall-3", from, from.plusSeconds(60), "x").then().statusCode(403)
                    .contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON).body(Map.of("primary", "oncall-1", "secondary", "oncall-2"))
                .put("/oncall/rotations/" + week).then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of()).post("/oncall/overrides").then().statusCode(401);
        given().get("/oncall/now").then().statusCode(401);
        given().get("/oncall/schedule").then().statusCode(401);
        given().auth().oauth2(Tokens.of("support-lead")).get("/oncall/schedule").then().statusCode(200);
    }

    @Test
    void shouldRebuildThePeopleAndOnCallProjectionsExactlyAsTheyWereKept() throws Exception {
        for (String projection : List.of("person", "oncall")) {
            List<String> tables = projection.equals("person") ? List.of("person") : List.of("oncall_rotation", "oncall_override");
            List<List<Object>> live = new ArrayList<>();
            for (String table : tables) {
                live.addAll(rows(table));
            }
            given().auth().oauth2(Tokens.of("admin")).post("/admin/projections/" + projection + "/rebuild")
                    .then().statusCode(200).body("projection", equalTo(projection));
            List<List<Object>> rebuilt = new ArrayList<>();
            for (String table : tables) {
                rebuilt.addAll(rows(table));
            }
            assertThat(rebuilt).isNotEmpty().isEqualTo(live);
        }
    }

    private List<String> shiftsFrom(Instant from) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT event_id, event FROM event_store WHERE aggregate_id = 'oncall' AND event_type = 'vigil.shift.started.v1' ORDER BY position")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (new String(rs.getBytes(2), StandardCharsets.UTF_8).contains("\"from\":\"" + from + "\"")) {
                        ids.add(rs.getString(1));
                    }
                }
            }
        }
        return ids;
    }

    private List<List<Object>> rows(String table) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table + " ORDER BY 1");
             ResultSet rs = ps.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    Object value = rs.getObject(i);
                    row.add(value instanceof java.sql.Array a ? List.of((Object[]) a.getArray()) : value);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static boolean contains(byte[] value, String text) {
        return value != null && new String(value, StandardCharsets.UTF_8).contains(text);
    }
}
