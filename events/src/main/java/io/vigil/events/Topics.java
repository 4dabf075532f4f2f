package io.vigil.events;

import java.util.List;

/** The Kafka topics of the contract (DESIGN.md §2). */
public final class Topics {
    public static final String DEPLOYS = "vigil.deploys";
    public static final String ROSTER = "vigil.roster";
    public static final String OWNERSHIP = "vigil.ownership";
    public static final String ALERTS = "vigil.alerts";
    public static final String INCIDENTS = "vigil.incidents";
    public static final String KILLSWITCH = "vigil.killswitch";
    public static final String NOTIFICATIONS = "vigil.notifications";
    public static final String DEAD_LETTER = "vigil.dead-letter";

    public static final List<String> ALL =
            List.of(DEPLOYS, ROSTER, OWNERSHIP, ALERTS, INCIDENTS, KILLSWITCH, NOTIFICATIONS, DEAD_LETTER);

    private Topics() {
    }
}
