package io.vigil.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code access-matrix.csv} and its request bodies ({@code access-matrix-bodies.json}): endpoint × caller → the
 * status the design expects. A cell {@code 403~200} is a known deviation: the design says 403, the service answers 200.
 */
record AccessMatrix(List<String> callers, List<Row> rows, JsonNode bodies) {
    private static final int FIXED_COLUMNS = 8;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    public record Expected(int status, Integer knownActual) {
        static Expected parse(String cell) {
            String[] parts = cell.trim().split("~");
            return new Expected(Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : null);
        }

        @Override
        public String toString() {
            return knownActual == null ? Integer.toString(status) : status + "~" + knownActual;
        }
    }

    /**
     * {@code pending}: {@code route} when the endpoint is still being built, or the id of such a row whose endpoint the
     * fixture needs; {@code actorEvent}: {@code type@subject} that each allowed cell must have produced with the caller
     * as actor.
     */
    public record Row(String id, String service, String method, String path, String body, String fixture, String pending,
                      String actorEvent, Map<String, Expected> cells, String note) {
        public boolean hasBody() {
            return !"-".equals(body);
        }
    }

    public static AccessMatrix load() throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(resource("access-matrix.csv"), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line);
                }
            }
        }
        String[] header = lines.getFirst().split(",");
        List<String> callers = List.of(Arrays.copyOfRange(header, FIXED_COLUMNS, header.length - 1));
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", header.length);
            if (f.length != header.length) {
                throw new IllegalStateException("access-matrix.csv: " + header.length + " columns expected in: " + line);
            }
            Map<String, Expected> cells = new LinkedHashMap<>();
            for (int i = 0; i < callers.size(); i++) {
                cells.put(callers.get(i), Expected.parse(f[FIXED_COLUMNS + i]));
            }
            rows.add(new Row(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], cells, f[header.length - 1]));
        }
        JsonNode bodies = new ObjectMapper().readTree(resource("access-matrix-bodies.json"));
        for (Row row : rows) {
            if (row.hasBody() && !bodies.has(row.body())) {
                throw new IllegalStateException("access-matrix.csv row " + row.id() + ": no body '" + row.body() + "'");
            }
        }
        return new AccessMatrix(callers, rows, bodies);
    }

    public String body(String name, Map<String, String> vars) {
        return fill(bodies.get(name).toString(), vars);
    }

    /** Replaces every {name} with its value; a name without a value is a mistake in the data. */
    public static String fill(String template, Map<String, String> vars) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = vars.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("no value for {" + m.group(1) + "} in " + template);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static InputStream resource(String name) {
        InputStream in = AccessMatrix.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the test class path");
        }
        return in;
    }
}
