package io.vigil.system;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks every cell of the matrix: prepares its fixture, sends the request with the caller's token, and compares the
 * status (and, for a refusal, the problem+json naming the rule). Nothing stops the walk; every mismatch is collected.
 */
final class MatrixWalk {
    record Failure(String row, String request, String caller, String expected, String actual) {
    }

    record ActorCheck(String row, String caller, String type, String subject, String actor) {
    }

    record Result(int rows, int columns, int walked, int passed, List<String> deviations, List<String> fixed,
                  Map<String, String> skipped, int actorChecks, List<Failure> failures, String table) {
        String report() {
            StringBuilder out = new StringBuilder(table);
            int skippedCells = skipped.size() * columns;
            out.append("\nAccess matrix: ").append(rows).append(" rows × ").append(columns).append(" callers = ")
                    .append(rows * columns).append(" cells\n");
            out.append("  walked ").append(walked).append(", as expected ").append(passed).append(", known deviations ")
                    .append(deviations.size()).append(", mismatches ").append(failures.stream().filter(f -> !f.row().equals("actor")).count())
                    .append("; skipped ").append(skipped.size()).append(" rows (").append(skippedCells).append(" cells)\n");
            out.append("  actors: ").append(actorChecks).append(" events of allowed writes checked in the audit log\n");
            out.append("  result: ").append(failures.isEmpty() ? "PASS" : "FAIL (" + failures.size() + ")").append('\n');
            skipped.forEach((row, why) -> out.append("  skipped ").append(row).append(": ").append(why).append('\n'));
            deviations.forEach(d -> out.append("  known deviation ").append(d).append('\n'));
            fixed.forEach(d -> out.append("  deviation no longer seen (update access-matrix.csv) ").append(d).append('\n'));
            if (!failures.isEmpty()) {
                out.append(String.format("%n  %-34s | %-52s | %-15s | %-8s | %s%n", "row", "request", "caller", "expected", "actual"));
                for (Failure f : failures) {
                    out.append(String.format("  %-34s | %-52s | %-15s | %-8s | %s%n", f.row(), f.request(), f.caller(), f.expected(), f.actual()));
                }
            }
            return out.toString();
        }
    }

    private final AccessMatrix matrix;
    private final Map<String, String> urls;
    private final MatrixCallers callers;
    private final MatrixFixtures fixtures;
    private final List<Failure> failures = new ArrayList<>();
    private final List<String> deviations = new ArrayList<>();
    private final List<String> fixed = new ArrayList<>();
    private final List<ActorCheck> actorChecks = new ArrayList<>();
    private final Map<String, String> skipped = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> answered = new LinkedHashMap<>();
    private final Map<String, Set<String>> rules = new LinkedHashMap<>();
    private int walked;
    private int passed;

    MatrixWalk(AccessMatrix matrix, Map<String, String> urls, MatrixCallers callers, MatrixFixtures fixtures) {
        this.matrix = matrix;
        this.urls = urls;
        this.callers = callers;
        this.fixtures = fixtures;
    }

    Result run() {
        findRoutesNotBuiltYet();
        for (AccessMatrix.Row row : matrix.rows()) {
            if (!skipped.containsKey(row.id())) {
                for (String caller : matrix.callers()) {
                    walk(row, caller);
                }
            }
        }
        checkActors(Duration.ofSeconds(120));
        return new Result(matrix.rows().size(), matrix.callers().size(), walked, passed, deviations, fixed, skipped,
                actorChecks.size(), failures, table());
    }

    /** What each cell answered: {@code !} a mismatch, {@code ~} a known deviation; then the rules refusals named. */
    private String table() {
        StringBuilder out = new StringBuilder(String.format("%n%-34s", "row"));
        matrix.callers().forEach(c -> out.append(String.format(" %-5s", c.length() > 5 ? c.substring(0, 5) : c)));
        out.append("  rules of the 403s\n");
        for (AccessMatrix.Row row : matrix.rows()) {
            out.append(String.format("%-34s", row.id()));
            Map<String, String> cells = answered.getOrDefault(row.id(), Map.of());
            matrix.callers().forEach(c -> out.append(String.format(" %-5s", cells.getOrDefault(c, "skip"))));
            out.append("  ").append(String.join(" ", rules.getOrDefault(row.id(), Set.of()))).append('\n');
        }
        return out.toString();
    }

    /** A row marked pending is skipped while its route answers as no route of the service does (404 "nothing at", 405). */
    private void findRoutesNotBuiltYet() {
        for (AccessMatrix.Row row : matrix.rows()) {
            if ("route".equals(row.pending())) {
                String path = row.path().replaceAll("\\{[A-Za-z]+}", "matrix-probe");
                MatrixHttp.Answer probe = MatrixHttp.send(urls.get(row.service()), row.method(), path, callers.token("admin"),
                        row.method().equals("GET") ? null : "{}");
                if (probe.noSuchRoute()) {
                    skipped.put(row.id(), row.method() + " " + row.path() + " is not built yet (" + probe.status() + ")");
                }
            }
        }
        for (AccessMatrix.Row row : matrix.rows()) {
            if (!"-".equals(row.pending()) && !"route".equals(row.pending()) && skipped.containsKey(row.pending())) {
                skipped.put(row.id(), "its fixture needs " + row.pending() + ", which is skipped");
            }
        }
    }

    private void walk(AccessMatrix.Row row, String caller) {
        walked++;
        AccessMatrix.Expected expected = row.cells().get(caller);
        String request = row.method() + " " + row.path();
        Map<String, String> vars = fixtures.vars(MatrixFixtures.uniq());
        String path;
        String body;
        try {
            vars.putAll(fixtures.prepare(row.fixture()));
            path = AccessMatrix.fill(row.path(), vars);
            body = row.hasBody() ? matrix.body(row.body(), vars) : null;
        } catch (MatrixFixtures.Failed e) {
            answered.computeIfAbsent(row.id(), r -> new LinkedHashMap<>()).put(caller, "fx!");
            failures.add(new Failure(row.id(), request, caller, expected.toString(), "fixture " + row.fixture() + ": " + e.getMessage()));
            return;
        }
        MatrixHttp.Answer answer = MatrixHttp.send(urls.get(row.service()), row.method(), path, callers.token(caller), body);
        String cell = row.id() + " " + caller;
        boolean asExpected = answer.status() == expected.status();
        boolean deviation = !asExpected && expected.knownActual() != null && answer.status() == expected.knownActual();
        answered.computeIfAbsent(row.id(), r -> new LinkedHashMap<>())
                .put(caller, answer.status() + (asExpected ? "" : deviation ? "~" : "!"));
        if (answer.status() == 403 && answer.rule() != null) {
            rules.computeIfAbsent(row.id(), r -> new java.util.TreeSet<>()).add(answer.rule());
        }
        if (asExpected) {
            if (expected.knownActual() != null) {
                fixed.add(cell + ": " + expected.status());
            }
            String fault = problemFault(answer);
            if (fault != null) {
                failures.add(new Failure(row.id(), request, caller, expected.toString(), fault));
                return;
            }
            passed++;
            if (answer.status() / 100 == 2 && !"-".equals(row.actorEvent())) {
                String[] event = AccessMatrix.fill(row.actorEvent(), vars).split("@", 2);
                actorChecks.add(new ActorCheck(row.id(), caller, event[0], event[1], callers.subject(caller)));
            }
        } else if (deviation) {
            deviations.add(cell + ": design " + expected.status() + ", service " + answer.status() + " — " + row.note());
        } else {
            failures.add(new Failure(row.id(), request, caller, expected.toString(), answer.brief()));
        }
    }

    /** A refusal is problem+json naming the rule (403) or at least problem+json (401). */
    private static String problemFault(MatrixHttp.Answer answer) {
        if (answer.status() == 403 && (!answer.isProblem() || answer.rule() == null)) {
            return "403 without a problem+json rule: " + answer.brief();
        }
        if (answer.status() == 401 && !answer.isProblem()) {
            return "401 not problem+json: " + answer.contentType();
        }
        return null;
    }

    /** Every event of an allowed write is in the audit log with the caller's token subject as its actor. */
    private void checkActors(Duration within) {
        List<ActorCheck> open = new ArrayList<>(actorChecks);
        Set<String> seen = new HashSet<>();
        Instant deadline = Instant.now().plus(within);
        while (!open.isEmpty() && Instant.now().isBefore(deadline)) {
            for (Iterator<ActorCheck> it = open.iterator(); it.hasNext(); ) {
                ActorCheck c = it.next();
                JsonNode items = MatrixHttp.send(urls.get("audit"), "GET", "/audit/entries?subject=" + c.subject() + "&type=" + c.type(),
                        callers.token("auditor"), null).json().path("items");
                if (items.isEmpty()) {
                    continue;
                }
                it.remove();
                for (JsonNode entry : items) {
                    String actor = entry.path("actor").asText(null);
                    if (!c.actor().equals(actor) && seen.add(c.row() + c.caller())) {
                        failures.add(new Failure("actor", c.type() + " " + c.subject(), c.caller(), c.actor(), "actor " + actor));
                    }
                }
            }
            if (!open.isEmpty()) {
                sleep();
            }
        }
        for (ActorCheck c : open) {
            failures.add(new Failure("actor", c.type() + " " + c.subject(), c.caller(), c.actor(), "not in the audit log within " + within));
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
