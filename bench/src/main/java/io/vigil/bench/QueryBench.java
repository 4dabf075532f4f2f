package io.vigil.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Filtered {@code GET /audit/entries} queries (limit=100) against the running service, one at a time, each timed
 * from request sent to body received: by subject, by type within one hour of event time, by actor, and the keyset
 * next page (after = the first page's next) of the last two. Filter values are those of entries drawn at random
 * from the whole log. The first {@code warmup} rounds are not counted.
 */
final class QueryBench {
    static final String SUBJECT = "by subject";
    static final String TYPE_TIME = "by type + 1 h of occurredAt";
    static final String ACTOR = "by actor";
    static final String TYPE_TIME_NEXT = "  next page (type + time)";
    static final String ACTOR_NEXT = "  next page (actor)";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Sample(String subject, String actor, String type, Instant occurredAt) {
    }

    static Map<String, Latencies> run(Connection c, AuditClient client, int perKind, int warmup, long seed)
            throws SQLException, IOException, InterruptedException {
        Map<String, Latencies> kinds = new LinkedHashMap<>();
        for (String k : List.of(SUBJECT, TYPE_TIME, ACTOR, TYPE_TIME_NEXT, ACTOR_NEXT)) {
            kinds.put(k, new Latencies());
        }
        List<Sample> samples = samples(c, perKind + warmup, seed);
        for (int j = 0; j < samples.size(); j++) {
            Sample s = samples.get(j);
            boolean counted = j >= warmup;
            time(client, "subject=" + AuditClient.q(s.subject()), kinds.get(SUBJECT), counted);
            String typeTime = "type=" + AuditClient.q(s.type())
                    + "&from=" + s.occurredAt().minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS)
                    + "&to=" + s.occurredAt().plus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
            JsonNode page = time(client, typeTime, kinds.get(TYPE_TIME), counted);
            if (page.hasNonNull("next")) {
                time(client, typeTime + "&after=" + page.get("next").asLong(), kinds.get(TYPE_TIME_NEXT), counted);
            }
            if (s.actor() != null) {
                String actor = "actor=" + AuditClient.q(s.actor());
                page = time(client, actor, kinds.get(ACTOR), counted);
                if (page.hasNonNull("next")) {
                    time(client, actor + "&after=" + page.get("next").asLong(), kinds.get(ACTOR_NEXT), counted);
                }
            }
        }
        return kinds;
    }

    private static JsonNode time(AuditClient client, String query, Latencies into, boolean counted)
            throws IOException, InterruptedException {
        HttpRequest request = client.request("/audit/entries?" + query + "&limit=100", TIMEOUT);
        long t0 = System.nanoTime();
        byte[] body = client.send(request);
        long nanos = System.nanoTime() - t0;
        JsonNode page = JSON.readTree(body);
        if (counted) {
            into.add(nanos, page.path("items").size());
        }
        return page;
    }

    /** Entries at random seqs of the whole log: their subject, actor, type and time are the filter values. */
    private static List<Sample> samples(Connection c, int n, long seed) throws SQLException {
        long size = Db.maxSeq(c);
        SplittableRandom random = new SplittableRandom(seed);
        Long[] seqs = new Long[n];
        for (int k = 0; k < n; k++) {
            seqs[k] = 1 + random.nextLong(size);
        }
        Map<Long, Sample> bySeq = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT seq, subject, actor, type, occurred_at FROM audit_entry WHERE seq = ANY (?)")) {
            Array array = c.createArrayOf("bigint", seqs);
            ps.setArray(1, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    bySeq.put(rs.getLong(1), new Sample(rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getTimestamp(5).toInstant()));
                }
            }
        }
        List<Sample> samples = new ArrayList<>(n);
        for (Long seq : seqs) {
            Sample s = bySeq.get(seq);
            if (s != null && s.subject() != null) {
                samples.add(s);
            }
        }
        return samples;
    }

    private QueryBench() {
    }
}
