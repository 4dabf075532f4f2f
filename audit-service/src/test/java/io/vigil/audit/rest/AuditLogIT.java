package io.vigil.audit.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vigil.audit.verifier.ExportFormat;
import io.vigil.audit.verifier.OfflineVerifier;
import io.vigil.events.EventCodec;
import io.vigil.events.Topics;
import io.vigil.events.VigilEvent;
import io.vigil.events.deploys.DeployStarted;
import io.vigil.platform.testing.Tokens;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Records on the real broker end up once each in the hash-chained log, which auditors can read and verify. */
@QuarkusTest
class AuditLogIT {
    @Inject
    Producer<String, byte[]> producer;
    @Inject
    EventCodec codec;
    @Inject
    DataSource dataSource;

    static final ObjectMapper JSON = new ObjectMapper();

    VigilEvent<DeployStarted> deployStarted(String id) {
        return deployStarted(id, "ci-publisher");
    }

    VigilEvent<DeployStarted> deployStarted(String id, String actor) {
        Instant at = Instant.parse("2026-11-22T14:00:00Z");
        return VigilEvent.of(URI.create("https://ci.example.com"), id, at, actor, null, null,
                new DeployStarted(id, "checkout", "1.0.0", "production", "engineer", "https://git.example.com/pr/1", true,
                        "https://git.example.com/rollback", at));
    }

    int count(String subject) {
        return given().auth().oauth2(Tokens.of("auditor")).queryParam("subject", subject).get("/audit/entries")
                .then().statusCode(200).extract().path("items.size()");
    }

    /**
     * Two events of different actors, once each in the log: their entries as the API shows them (checked against
     * what was sent), in seq order.
     */
    List<Map<String, Object>> logTwoEvents() throws Exception {
        List<VigilEvent<DeployStarted>> sent = List.of(deployStarted("dep-" + UUID.randomUUID(), "ci-publisher"),
                deployStarted("dep-" + UUID.randomUUID(), "release-bot"));
        for (VigilEvent<DeployStarted> event : sent) {
            producer.send(codec.toRecord(event)).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> sent.stream().allMatch(event -> count(event.subject()) == 1));
        return sent.stream()
                .map(event -> given().auth().oauth2(Tokens.of("auditor")).queryParam("subject", event.subject()).get("/audit/entries")
                        .then().statusCode(200)
                        .body("items[0].eventId", equalTo(event.id()))
                        .body("items[0].type", equalTo("vigil.deploy.started.v1"))
                        .body("items[0].subject", equalTo(event.subject()))
                        .body("items[0].actor", equalTo(event.actor()))
                        .extract().<Map<String, Object>>path("items[0]"))
                .sorted(Comparator.comparingLong(AuditLogIT::seq)).toList();
    }

    static long seq(Map<String, Object> entry) {
        return ((Number) entry.get("seq")).longValue();
    }

    String export(String format, long from, long to, String contentType) {
        return given().auth().oauth2(Tokens.of("auditor")).queryParam("format", format).queryParam("from", from).queryParam("to", to)
                .get("/audit/export").then().statusCode(200).contentType(contentType).extract().asString();
    }

    static List<Long> seqs(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    @Test
    void shouldLogEachEventOnceWhateverTheModeOrRedelivery() throws Exception {
        String id = "dep-" + UUID.randomUUID();
        VigilEvent<DeployStarted> event = deployStarted(id);
        producer.send(codec.toRecord(event)).get();
        producer.send(codec.toRecord(event)).get();
        ProducerRecord<String, byte[]> garbage = new ProducerRecord<>(Topics.DEPLOYS, id, "not an event".getBytes(StandardCharsets.UTF_8));
        producer.send(garbage).get();

        await().atMost(Duration.ofSeconds(30)).until(() -> count(id) == 2);
        given().auth().oauth2(Tokens.of("admin")).queryParam("subject", id).get("/audit/entries").then()
                .body("items.type", contains("vigil.deploy.started.v1", "vigil.unreadable-record"))
                .body("items[0].eventId", equalTo(event.id()))
                .body("items[0].actor", equalTo("ci-publisher"))
                .body("items[0].payload.mergedBy", equalTo("engineer"))
                .body("items[1].payload.reason", org.hamcrest.Matchers.startsWith("not a CloudEvent"));
        given().auth().oauth2(Tokens.of("auditor")).get("/audit/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void shouldPageWithAKeysetCursor() throws Exception {
        String id = "dep-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            producer.send(codec.toRecord(deployStarted(id))).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> count(id) == 3);

        long next = ((Number) given().auth().oauth2(Tokens.of("auditor")).queryParam("subject", id).queryParam("limit", 2)
                .get("/audit/entries").then().body("items", hasSize(2)).extract().path("next")).longValue();
        given().auth().oauth2(Tokens.of("auditor")).queryParam("subject", id).queryParam("limit", 2).queryParam("after", next)
                .get("/audit/entries").then().body("items", hasSize(1)).body("next", equalTo(null));
    }

    @Test
    void shouldBeReadableOnlyByAuditorsAndAdmins() {
        given().auth().oauth2(Tokens.of("engineer")).get("/audit/entries").then().statusCode(403).contentType("application/problem+json");
        given().get("/audit/entries").then().statusCode(401);
        given().auth().oauth2(Tokens.of("auditor")).queryParam("limit", 0).get("/audit/entries")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
        given().auth().oauth2(Tokens.of("auditor")).contentType(ContentType.JSON).body("{}").post("/audit/entries")
                .then().statusCode(405);
    }

    @Test
    void shouldGiveTheServiceRoleNoWayToChangeTheLog() throws Exception {
        String id = "dep-" + UUID.randomUUID();
        producer.send(codec.toRecord(deployStarted(id))).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> count(id) == 1);

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThat(c.getMetaData().getUserName()).isEqualTo("audit_app");
            for (String sql : new String[]{"UPDATE audit_entry SET actor = 'mallory'", "DELETE FROM audit_entry",
                    "TRUNCATE audit_entry", "UPDATE merkle_node SET hash = hash", "DELETE FROM tree_head",
                    "ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update_delete"}) {
                assertThatThrownBy(() -> s.executeUpdate(sql)).as(sql).isInstanceOf(SQLException.class)
                        .hasMessageMatching("(?s).*(permission denied|must be owner).*");
            }
        }
    }

    @Test
    void shouldRefuseChangesEvenFromTheOwnerUnlessTheTriggerIsDropped() throws Exception {
        // the UPDATE and DELETE triggers fire per row: the log must hold one
        String id = "dep-" + UUID.randomUUID();
        producer.send(codec.toRecord(deployStarted(id))).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> count(id) == 1);

        try (Connection owner = OwnerConnection.open(); Statement s = owner.createStatement()) {
            for (String sql : new String[]{"UPDATE audit_entry SET actor = 'mallory'", "DELETE FROM audit_entry", "TRUNCATE audit_entry"}) {
                assertThatThrownBy(() -> s.executeUpdate(sql)).as(sql)
                        .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            }
        }
    }

    @Test
    void shouldDetectAnEntryChangedBehindTheServicesBack(@TempDir Path dir) throws Exception {
        String id = "dep-" + UUID.randomUUID();
        producer.send(codec.toRecord(deployStarted(id))).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> count(id) == 1);
        int seq = given().auth().oauth2(Tokens.of("auditor")).queryParam("subject", id).get("/audit/entries").then().extract().path("items[0].seq");
        Path head = dir.resolve("tree-head.json");
        Files.writeString(head, given().auth().oauth2(Tokens.of("auditor")).get("/audit/tree-head").then().statusCode(200).extract().asString());

        OwnerConnection.tamper(seq, "mallory");
        try {
            given().auth().oauth2(Tokens.of("auditor")).get("/audit/verify").then().statusCode(200)
                    .body("valid", equalTo(false)).body("firstBad", equalTo(seq));

            Path export = dir.resolve("audit.ndjson");
            Files.write(export, given().auth().oauth2(Tokens.of("auditor")).get("/audit/export?format=ndjson")
                    .then().statusCode(200).contentType("application/x-ndjson").extract().asByteArray());
            var report = OfflineVerifier.verify(export, new ObjectMapper().readTree(head.toFile()), null, new PrintStream(OutputStream.nullOutputStream()));
            assertThat(report.valid()).isFalse();
            assertThat(report.firstBad()).isEqualTo(seq);
        } finally {
            OwnerConnection.tamper(seq, "ci-publisher"); // other tests need a valid chain
        }
        given().auth().oauth2(Tokens.of("auditor")).get("/audit/verify").then().body("valid", equalTo(true));
    }

    @Test
    void shouldExportEveryEntryOfTheRangeOnceAsACsvRow() throws Exception {
        List<Map<String, Object>> logged = logTwoEvents();
        long from = seq(logged.get(0));
        long to = seq(logged.get(1));

        List<List<String>> rows = Csv.parse(export("csv", from, to, "text/csv"));

        assertThat(rows.get(0)).isEqualTo(ExportFormat.COLUMNS);
        List<List<String>> data = rows.subList(1, rows.size());
        int seq = ExportFormat.COLUMNS.indexOf("seq");
        assertThat(data).allSatisfy(row -> assertThat(row).hasSameSizeAs(ExportFormat.COLUMNS));
        assertThat(data).extracting(row -> Long.parseLong(row.get(seq))).containsExactlyElementsOf(seqs(from, to));
        for (Map<String, Object> entry : logged) {
            List<List<String>> mine = data.stream()
                    .filter(row -> row.get(ExportFormat.COLUMNS.indexOf("eventId")).equals(entry.get("eventId"))).toList();
            assertThat(mine).as("rows of event %s", entry.get("eventId")).hasSize(1);
            List<String> row = mine.get(0);
            for (String column : List.of("seq", "topic", "partition", "offset", "type", "source", "subject", "actor", "hashVersion", "prevHash", "entryHash")) {
                assertThat(row.get(ExportFormat.COLUMNS.indexOf(column))).as(column).isEqualTo(String.valueOf(entry.get(column)));
            }
            assertThat(JSON.readTree(row.get(ExportFormat.COLUMNS.indexOf("payload")))).isEqualTo(JSON.valueToTree(entry.get("payload")));
        }
    }

    @Test
    void shouldExportEveryEntryOfTheRangeOnceAsAnNdjsonLineThatVerifiesOffline(@TempDir Path dir) throws Exception {
        List<Map<String, Object>> logged = logTwoEvents();
        long from = seq(logged.get(0));
        long to = seq(logged.get(1));

        List<JsonNode> lines = export("ndjson", from, to, "application/x-ndjson").lines().map(AuditLogIT::json).toList();

        assertThat(lines).extracting(line -> line.get("seq").asLong()).containsExactlyElementsOf(seqs(from, to));
        for (Map<String, Object> entry : logged) {
            List<JsonNode> mine = lines.stream().filter(line -> line.get("eventId").asText().equals(entry.get("eventId"))).toList();
            assertThat(mine).as("lines of event %s", entry.get("eventId")).hasSize(1);
            JsonNode line = mine.get(0);
            for (String field : List.of("seq", "topic", "partition", "offset", "type", "source", "subject", "actor", "hashVersion", "prevHash", "entryHash")) {
                assertThat(line.get(field).asText()).as(field).isEqualTo(String.valueOf(entry.get(field)));
            }
            assertThat(line.get("payload").isTextual()).as("payload is the stored text").isTrue();
            assertThat(json(line.get("payload").asText())).isEqualTo(JSON.valueToTree(entry.get("payload")));
        }

        // the whole log, exported after the head was signed, verifies against it offline
        Path head = dir.resolve("tree-head.json");
        Files.writeString(head, given().auth().oauth2(Tokens.of("auditor")).get("/audit/tree-head").then().statusCode(200).extract().asString());
        String publicKey = given().auth().oauth2(Tokens.of("auditor")).get("/audit/public-key").then().statusCode(200).extract().path("publicKey");
        Path export = dir.resolve("audit.ndjson");
        Files.write(export, given().auth().oauth2(Tokens.of("auditor")).get("/audit/export?format=ndjson")
                .then().statusCode(200).extract().asByteArray());
        var report = OfflineVerifier.verify(export, JSON.readTree(head.toFile()), publicKey, new PrintStream(OutputStream.nullOutputStream()));
        assertThat(report.valid()).as(report.problem()).isTrue();
        assertThat(report.checked()).isGreaterThanOrEqualTo(to);
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    @Test
    void shouldRefuseAnUnknownExportFormat() {
        given().auth().oauth2(Tokens.of("auditor")).get("/audit/export?format=xml").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("format"));
    }
}
