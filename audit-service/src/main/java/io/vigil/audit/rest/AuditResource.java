package io.vigil.audit.rest;

import io.vigil.audit.domain.AuditEntry;
import io.vigil.audit.domain.ChainVerification;
import io.vigil.audit.persistence.AuditQueries;
import io.vigil.audit.persistence.EntryFilter;
import io.vigil.audit.persistence.MerkleQueries;
import io.vigil.platform.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The audit log, read-only, for auditors and admins. */
@Path("/audit")
@RolesAllowed({"auditor", "admin"})
public class AuditResource {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    public record Page(List<EntryView> items, Long next) {
    }

    private final AuditQueries queries;
    private final MerkleQueries tree;

    public AuditResource(AuditQueries queries, MerkleQueries tree) {
        this.queries = queries;
        this.tree = tree;
    }

    @GET
    @Path("/entries")
    public Page entries(@QueryParam("type") String type, @QueryParam("subject") String subject,
                        @QueryParam("actor") String actor, @QueryParam("from") String from, @QueryParam("to") String to,
                        @QueryParam("after") Long after, @QueryParam("limit") Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw Problem.badRequest("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (after != null && after < 0) {
            throw Problem.badRequest("after", "must be a seq number, 0 or more");
        }
        List<AuditEntry> entries = queries.find(new EntryFilter(type, subject, actor, instant("from", from), instant("to", to), after, size));
        Long next = entries.size() == size ? entries.get(entries.size() - 1).seq() : null;
        return new Page(entries.stream().map(EntryView::of).toList(), next);
    }

    @GET
    @Path("/entries/{seq}")
    public EntryView entry(@PathParam("seq") long seq) {
        return queries.bySeq(seq).map(EntryView::of).orElseThrow(() -> Problem.notFound("audit entry", Long.toString(seq)));
    }

    @GET
    @Path("/verify")
    public ChainVerification.Result verify(@QueryParam("from") Long from, @QueryParam("to") Long to) {
        long head = tree.size();
        long first = from == null ? 1 : from;
        long last = to == null ? head : to;
        if (first < 1) {
            throw Problem.badRequest("from", "must be 1 or more");
        }
        if (last > head) {
            throw Problem.badRequest("to", "the log holds " + head + " entries");
        }
        if (last < first) {
            return new ChainVerification.Result(true, 0, null, null);
        }
        return queries.verify(first, last);
    }

    private static Instant instant(String name, String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw Problem.badRequest(name, "not an ISO-8601 instant such as 2026-11-22T14:00:00Z");
        }
    }
}
