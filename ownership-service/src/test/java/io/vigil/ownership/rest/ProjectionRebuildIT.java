package io.vigil.ownership.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vigil.platform.testing.Tokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

/** The read model rebuilt from the event store equals the one the write pipeline kept live, row for row. */
@QuarkusTest
class ProjectionRebuildIT {
    static final String PREFIX = "dep-rebuild-";

    @Inject
    DataSource dataSource;

    @BeforeEach
    void registerPeople() {
        RegisteredPeople.registerAll();
    }

    @Test
    void shouldRebuildTheDeployWindowsExactlyAsTheyWereKept() throws Exception {
        for (int i = 0; i < 5; i++) {
            String id = PREFIX + UUID.randomUUID();
            Map<String, Object> body = new java.util.HashMap<>(DeployResourceIT.body(id));
            body.remove("startedAt");
            String owner = "oncall-" + (1 + i % 4);
            body.put("owner", owner);
            given().auth().oauth2(Tokens.of("engineer")).contentType(ContentType.JSON).body(body).post("/deploys").then().statusCode(201);
            DeployWindowIT.post(owner, "/deploys/" + id + "/checks", Map.of("note", "fine", "deadLetterCount", i)).then().statusCode(200);
            DeployWindowIT.post(owner, "/deploys/" + id + "/checkpoints/T0", Map.of("items",
                    Map.of("posted-to-deploys-channel", true, "deploy-completed", true, "health-check-passing", i % 2 == 0))).then().statusCode(200);
            DeployWindowIT.post(owner, "/deploys/" + id + "/rollout", Map.of("percent", 5, "errorRatePct", 0.5 + i * 0.3,
                    "baselineErrorRatePct", 0.5, "p99Ms", 200, "baselineP99Ms", 200, "failedHealthChecks", 0, "observedForSeconds", 600))
                    .then().statusCode(200);
            if (i % 2 == 0) {
                DeployWindowIT.post(owner, "/deploys/" + id + "/handoff", Map.of("to", "engineer", "reason", "shift ends")).then().statusCode(200);
            }
        }
        List<Map<String, Object>> live = rows();
        assertThat(live).hasSizeGreaterThanOrEqualTo(5);
        assertThat(live).allSatisfy(row -> assertThat((Integer) row.get("aggregate_version")).isGreaterThanOrEqualTo(5));
        assertThat(live).anySatisfy(row -> assertThat(row.get("handoffs")).isEqualTo(1));

        given().auth().oauth2(Tokens.of("admin")).get("/admin/projections")
                .then().statusCode(200).body("$", hasItem("deploy-window"));
        given().auth().oauth2(Tokens.of("admin")).post("/admin/projections/deploy-window/rebuild")
                .then().statusCode(200).body("projection", equalTo("deploy-window"))
                .body("events", greaterThanOrEqualTo(5 * live.size()));

        assertThat(rows()).isEqualTo(live);
    }

    @Test
    void shouldLetOnlyAdminsRebuildAndNameAnUnknownProjection() {
        given().auth().oauth2(Tokens.of("engineer")).post("/admin/projections/deploy-window/rebuild").then().statusCode(403);
        given().auth().oauth2(Tokens.of("admin")).post("/admin/projections/nothing-like-it/rebuild")
                .then().statusCode(404).contentType("application/problem+json");
    }

    /** This test's deploys only: others' windows may meet their deadlines while it runs. */
    private List<Map<String, Object>> rows() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM deploy_window WHERE deploy_id LIKE '" + PREFIX + "%' ORDER BY deploy_id")) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnName(i), rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
