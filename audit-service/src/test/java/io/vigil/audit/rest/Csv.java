package io.vigil.audit.rest;

import java.util.ArrayList;
import java.util.List;

/** Reads CSV as RFC 4180 writes it: rows end with CRLF; a quoted field may hold commas, doubled quotes and line breaks. */
final class Csv {
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean next = i + 1 < text.length();
            if (quoted) {
                if (c == '"' && next && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && next && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        if (quoted || !row.isEmpty() || !field.isEmpty()) {
            throw new AssertionError("the CSV does not end with a complete row (CRLF after the last one)");
        }
        return rows;
    }

    private Csv() {
    }
}
