package io.vigil.ownership.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vigil.platform.testing.Tokens;
import jakarta.inject.Inject;
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
    @Inject
    DataSource dataSource;

    @Test
    void shouldRebuildTheDeployWindowsExactlyAsTheyWereKept() throws Exception {
        for (int i = 0; i < 5; i++) {
            Map<String, Object> body = new java.util.HashMap<>(DeployResourceIT.body("dep-rebuild-" + UUID.randomUUID()));
            if (i % 2 == 0) {
                body.put("owner", "oncall-" + (1 + i % 4));
            }
            given().auth().oauth2(Tokens.of("engineer")).contentType(ContentType.JSON).body(body).post("/deploys").then().statusCode(201);
        }
        List<Map<String, Object>> live = rows();
        assertThat(live).hasSizeGreaterThanOrEqualTo(5);
        assertThat(live).allSatisfy(row -> assertThat(row.get("aggregate_version")).isEqualTo(2));

        given().auth().oauth2(Tokens.of("admin")).get("/admin/projections")
                .then().statusCode(200).body("$", hasItem("deploy-window"));
        given().auth().oauth2(Tokens.of("admin")).post("/admin/projections/deploy-window/rebuild")
                .then().statusCode(200).body("projection", equalTo("deploy-window"))
                .body("events", greaterThanOrEqualTo(2 * live.size()));

        assertThat(rows()).isEqualTo(live);
    }

    @Test
    void shouldLetOnlyAdminsRebuildAndNameAnUnknownProjection() {
        given().auth().oauth2(Tokens.of("engineer")).post("/admin/projections/deploy-window/rebuild").then().statusCode(403);
        given().auth().oauth2(Tokens.of("admin")).post("/admin/projections/nothing-like-it/rebuild")
                .then().statusCode(404).contentType("application/problem+json");
    }

    private List<Map<String, Object>> rows() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM deploy_window ORDER BY deploy_id")) {
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
