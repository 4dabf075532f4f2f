package io.vigil.audit.rest;

import io.vigil.audit.persistence.AuditQueries;
import io.vigil.audit.verifier.ExportFormat;
import io.vigil.platform.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/**
 * Streams the log in seq order, as NDJSON (what the offline verifier reads) or CSV (for spreadsheets;
 * it cannot tell an absent value from an empty one, so verify from NDJSON).
 */
@Path("/audit/export")
@RolesAllowed({"auditor", "admin"})
public class ExportResource {
    private final AuditQueries queries;

    public ExportResource(AuditQueries queries) {
        this.queries = queries;
    }

    @GET
    public Response export(@QueryParam("format") String format, @QueryParam("from") Long from, @QueryParam("to") Long to) {
        boolean csv = switch (format == null ? "ndjson" : format) {
            case "ndjson" -> false;
            case "csv" -> true;
            default -> throw Problem.badRequest("format", "must be ndjson or csv");
        };
        long first = from == null ? 1 : from;
        long last = to == null ? Long.MAX_VALUE : to;
        if (first < 1) {
            throw Problem.badRequest("from", "must be 1 or more");
        }
        StreamingOutput body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            if (csv) {
                writer.write(String.join(",", ExportFormat.COLUMNS));
                writer.write("\r\n");
            }
            queries.stream(first, last, entry -> {
                writer.write(csv ? ExportFormat.toCsvRow(entry) : ExportFormat.toNdjsonLine(entry));
                writer.write(csv ? "\r\n" : "\n");
            });
            writer.flush();
        };
        String name = "audit-" + first + (to == null ? "" : "-" + last) + (csv ? ".csv" : ".ndjson");
        return Response.ok(body, csv ? "text/csv; charset=utf-8" : "application/x-ndjson")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }
}
