package io.vigil.escalation.domain;

import java.util.List;

/** What an incident opens with: the alerts, where they fire, and the open deploy window on the service, if any. */
public record OpenIncident(String incidentId, String service, String title, List<String> alertKeys, String scope,
                           String deployId, String deployOwner) {
    public OpenIncident {
        alertKeys = List.copyOf(alertKeys);
    }
}
