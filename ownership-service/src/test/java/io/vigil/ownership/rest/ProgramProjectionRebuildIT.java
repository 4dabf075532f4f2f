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

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The programme read model rebuilt from the event store equals the one the write pipeline kept live, row for row. */
@QuarkusTest
class ProgramProjectionRebuildIT {
    @Inject
    DataSource dataSource;

    @Test
    void shouldRebuildTheProgrammesExactlyAsTheyWereKept() throws Exception {
        String advanced = ProgramResourceIT.create();
        ProgramResourceIT.approve("ingestion-owner", advanced, "P1");
        ProgramResourceIT.approve("product-manager", advanced, "P2");
        String vetoed = ProgramResourceIT.create();
        ProgramResourceIT.approve("ingestion-owner", vetoed, "P1");
        ProgramResourceIT.gate("product-manager", vetoed, "P2", "veto", Map.of("reason", "not yet")).statusCode(200);
        ProgramResourceIT.approve("ingestion-owner", vetoed, "P2");
        given().auth().oauth2(Tokens.of("ingestion-owner")).contentType(ContentType.JSON)
                .body(ProgramResourceIT.rollback("client-request", "P0"))
                .post("/programs/" + vetoed + "/rollbacks").then().statusCode(202);
        List<Map<String, Object>> live = rows();
        assertThat(live).extracting(r -> r.get("program_id")).contains(advanced, vetoed);

        given().auth().oauth2(Tokens.of("admin")).get("/admin/projections").then().statusCode(200).body("$", hasItem("program"));
        given().auth().oauth2(Tokens.of("engineer")).post("/admin/projections/program/rebuild").then().statusCode(403);
        given().auth().oauth2(Tokens.of("admin")).post("/admin/projections/program/rebuild")
                .then().statusCode(200).body("projection", equalTo("program"));

        assertThat(rows()).isEqualTo(live);
    }

    private List<Map<String, Object>> rows() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM program ORDER BY program_id")) {
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
