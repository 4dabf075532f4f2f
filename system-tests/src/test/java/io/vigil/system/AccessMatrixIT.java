package io.vigil.system;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access matrix (DESIGN §4, §8) walked cell by cell with real Keycloak tokens against the four packaged services:
 * every endpoint × every realm role's user, the on-call primary and an engineer off call, the deploy owner, the
 * event-publisher service account and no token. Every mismatch is collected, and the test fails with a table of them.
 * Actors on the events of allowed writes must be the token's subject, never a field of the body.
 */
class AccessMatrixIT {
    static final String[] SERVICES = {"ownership", "escalation", "notification", "audit"};
    static final List<String> PEOPLE = List.of("engineer", "ingestion-owner", "sre-lead", "database-owner", "product-manager",
            "support-lead", "auditor", "admin", "oncall-1", "oncall-2", "oncall-3", "oncall-4");
    static final ZoneId ROTATION_ZONE = ZoneId.of("Europe/Berlin");

    static final Map<String, ServiceProcess> running = new LinkedHashMap<>();
    static final Map<String, String> urls = new HashMap<>();
    static final MatrixCallers callers = new MatrixCallers();
    static String appsDirBefore;

    @BeforeAll
    static void startTheSystem() throws IOException {
        appsDirBefore = System.getProperty("vigil.apps.dir");
        // the services as packaged now: a copy, so that a rebuild meanwhile cannot pull a jar from under a running JVM
        System.setProperty("vigil.apps.dir", snapshotApps().toString());
        // fresh databases and consumer groups of our own that read from their start on: the shared topics' history
        // (other tests' rotations and overrides among it) must not decide who is on call here
        start("ownership", Map.of(
                "mp.messaging.incoming.deploys.group.id", ServiceProcess.group("matrix-ownership"),
                "mp.messaging.incoming.deploys.auto.offset.reset", "latest",
                "mp.messaging.incoming.incidents.group.id", ServiceProcess.group("matrix-ownership-incidents"),
                "mp.messaging.incoming.incidents.auto.offset.reset", "latest",
                "mp.messaging.incoming.killswitch.group.id", ServiceProcess.group("matrix-ownership-killswitch"),
                "mp.messaging.incoming.killswitch.auto.offset.reset", "latest"));
        start("escalation", Map.of(
                "mp.messaging.incoming.alerts.group.id", ServiceProcess.group("matrix-escalation-alerts"),
                "mp.messaging.incoming.alerts.auto.offset.reset", "latest",
                "mp.messaging.incoming.ownership.group.id", ServiceProcess.group("matrix-escalation-ownership"),
                "mp.messaging.incoming.ownership.auto.offset.reset", "latest",
                "mp.messaging.incoming.roster.group.id", ServiceProcess.group("matrix-escalation-roster"),
                "mp.messaging.incoming.roster.auto.offset.reset", "latest"));
        start("notification", Map.of(
                "mp.messaging.incoming.roster.group.id", ServiceProcess.group("matrix-notification-roster"),
                "mp.messaging.incoming.roster.auto.offset.reset", "latest",
                "mp.messaging.incoming.incidents.group.id", ServiceProcess.group("matrix-notification-incidents"),
                "mp.messaging.incoming.incidents.auto.offset.reset", "latest",
                "mp.messaging.incoming.killswitch.group.id", ServiceProcess.group("matrix-notification-killswitch"),
                "mp.messaging.incoming.killswitch.auto.offset.reset", "latest",
                "mp.messaging.incoming.ownership.group.id", ServiceProcess.group("matrix-notification-ownership"),
                "mp.messaging.incoming.ownership.auto.offset.reset", "latest"));
        start("audit", Map.of(
                "vigil.audit.intake.group-id", ServiceProcess.group("matrix-audit"),
                "vigil.audit.intake.auto-offset-reset", "latest"));
    }

    @AfterAll
    static void stopTheSystem() {
        running.values().forEach(ServiceProcess::close);
        if (appsDirBefore == null) {
            System.clearProperty("vigil.apps.dir");
        } else {
            System.setProperty("vigil.apps.dir", appsDirBefore);
        }
    }

    @Test
    void shouldAnswerEveryCellOfTheAccessMatrix() throws IOException {
        AccessMatrix matrix = AccessMatrix.load();
        MatrixWalk walk = new MatrixWalk(matrix, urls, callers, prepareTheWorld(matrix));
        MatrixWalk.Result result = walk.run();
        System.out.println(result.report());
        assertThat(result.failures()).as(result.report()).isEmpty();
    }

    /** People, this week's and next week's rotation, and every service knowing them; returns the rows' base values. */
    private static MatrixFixtures prepareTheWorld(AccessMatrix matrix) {
        LocalDate week = currentWeekStart();
        Map<String, String> base = new HashMap<>(Map.of(
                "owner", MatrixCallers.OWNER,
                "today", LocalDate.now(ZoneOffset.UTC).toString(),
                "nextWeekStart", week.plusWeeks(1).toString(),
                "nextWeekOverrideFrom", week.plusWeeks(1).plusDays(1).atTime(10, 0).toInstant(ZoneOffset.UTC).toString(),
                "nextWeekOverrideTo", week.plusWeeks(1).plusDays(1).atTime(12, 0).toInstant(ZoneOffset.UTC).toString()));
        MatrixFixtures fixtures = new MatrixFixtures(urls, callers, matrix, base);

        // the audit service reads from its start on: wait until its consumer is placed before anything happens
        MatrixFixtures.await("the audit service reading the topics", Duration.ofSeconds(90), () -> {
            String probe = "matrix-audit-probe-" + MatrixFixtures.uniq();
            register(fixtures, probe, "engineer");
            try {
                MatrixFixtures.await("probe", Duration.ofSeconds(8), () -> !fixtures.call("auditor", "audit", "GET",
                        "/audit/entries?subject=" + probe, null, 200).json().path("items").isEmpty());
                return true;
            } catch (MatrixFixtures.Failed notYet) {
                return false;
            }
        });
        for (String person : PEOPLE) {
            register(fixtures, person, person.startsWith("oncall-") ? "engineer" : person);
        }
        for (LocalDate w : List.of(week, week.plusWeeks(1))) {
            fixtures.call("admin", "ownership", "PUT", "/oncall/rotations/" + w,
                    "{\"primary\":\"" + MatrixCallers.ON_CALL + "\",\"secondary\":\"" + MatrixCallers.SECONDARY + "\"}", 200);
        }
        assertThat(fixtures.call("engineer", "ownership", "GET", "/oncall/now", null, 200).json().path("primary").asText())
                .isEqualTo(MatrixCallers.ON_CALL);
        // escalation-service reads on-call from its copy of the roster, from the moment its consumer was placed: ready
        // when the primary may act on an incident; until then the same pair is published again, as overrides for now
        int[] attempt = {0};
        MatrixFixtures.await("escalation-service seeing " + MatrixCallers.ON_CALL + " on call", Duration.ofSeconds(90), () -> {
            if (fixtures.call("on-call", "escalation", "POST", "/incidents/" + fixtures.incident() + "/acknowledge", null, -1).status() == 200) {
                return true;
            }
            Instant from = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            Instant to = Collections.min(List.of(from.plus(Duration.ofHours(4)),
                    week.plusWeeks(1).atTime(9, 0).atZone(ROTATION_ZONE).toInstant()));
            for (String[] slot : new String[][] {{"primary", MatrixCallers.ON_CALL}, {"secondary", MatrixCallers.SECONDARY}}) {
                fixtures.call("admin", "ownership", "POST", "/oncall/overrides", """
                        {"slot": "%s", "person": "%s", "from": "%s", "to": "%s", "reason": "access matrix"}"""
                        .formatted(slot[0], slot[1], from, to), 201);
            }
            return false;
        });
        // notification-service's contact directory: ready when admin can be sent a test message; until then admin's
        // description changes, so that it is published again
        MatrixFixtures.await("notification-service knowing admin", Duration.ofSeconds(90), () -> {
            if (fixtures.call("admin", "notification", "POST", "/notifications/test", null, -1).status() == 202) {
                return true;
            }
            fixtures.call("admin", "ownership", "PUT", "/people/admin", """
                    {"name": "Admin %d", "email": "admin@vigil.local", "timeZone": "Europe/Berlin", "roles": ["admin"]}"""
                    .formatted(++attempt[0]), -1);
            return false;
        });
        base.put("treeSize", fixtures.call("admin", "audit", "GET", "/audit/tree-head", null, 200).json().path("treeSize").asText());
        return fixtures;
    }

    private static void register(MatrixFixtures fixtures, String username, String role) {
        fixtures.call("admin", "ownership", "PUT", "/people/" + username, """
                {"name": "%s", "email": "%s@vigil.local", "timeZone": "Europe/Berlin", "roles": ["%s"]}"""
                .formatted(username, username, role), -1);
    }

    /** The rotation week in force now: it starts on Monday 09:00 Europe/Berlin (the policy's handover). */
    static LocalDate currentWeekStart() {
        ZonedDateTime now = ZonedDateTime.now(ROTATION_ZONE);
        LocalDate monday = now.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return now.isBefore(monday.atTime(LocalTime.of(9, 0)).atZone(ROTATION_ZONE)) ? monday.minusWeeks(1) : monday;
    }

    private static void start(String service, Map<String, String> config) throws IOException {
        ServiceProcess process = ServiceProcess.start(service, config);
        running.put(service, process);
        urls.put(service, process.url());
    }

    private static Path snapshotApps() throws IOException {
        Path apps = Path.of(System.getProperty("vigil.apps.dir", "..")).toAbsolutePath().normalize();
        Path copy = Path.of("target", "matrix-apps").toAbsolutePath();
        if (Files.exists(copy)) {
            try (Stream<Path> old = Files.walk(copy)) {
                for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        for (String service : SERVICES) {
            Path from = apps.resolve(service + "-service/target/quarkus-app");
            Path to = copy.resolve(service + "-service/target/quarkus-app");
            if (!Files.exists(from.resolve("quarkus-run.jar"))) {
                throw new IllegalStateException(from + " is missing: package the services first (mvn install -DskipTests)");
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(from)) {
                files = new ArrayList<>(walk.filter(Files::isRegularFile).toList());
            }
            for (Path file : files) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return copy;
    }
}
