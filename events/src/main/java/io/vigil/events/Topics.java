package io.vigil.events;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The Kafka topics of the contract (DESIGN.md §2). The list itself is {@code topics.txt} in this module,
 * which infra/kafka.sh reads to create them; {@link #ALL} is read from it, and {@code TopicsTest} holds
 * the constants to it.
 */
public final class Topics {
    public static final String DEPLOYS = "vigil.deploys";
    public static final String ROSTER = "vigil.roster";
    public static final String OWNERSHIP = "vigil.ownership";
    public static final String ALERTS = "vigil.alerts";
    public static final String INCIDENTS = "vigil.incidents";
    public static final String KILLSWITCH = "vigil.killswitch";
    public static final String NOTIFICATIONS = "vigil.notifications";
    public static final String DEAD_LETTER = "vigil.dead-letter";

    /** Every topic, in the order of topics.txt. */
    public static final List<String> ALL = read();

    private static List<String> read() {
        try (InputStream in = Topics.class.getResourceAsStream("/topics.txt")) {
            if (in == null) {
                throw new IllegalStateException("topics.txt is missing from the events jar");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.split("\\s+")[0])
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Topics() {
    }
}
