package io.vigil.notification.domain;

import java.time.ZoneId;

/**
 * How a person is reached, as their latest {@code person.registered} says.
 *
 * @param slack      Slack member id or incoming-webhook URL (optional)
 * @param webhookUrl the generic webhook their notifications go to (optional)
 * @param timeZone   IANA zone their messages show times in
 */
public record Contact(String username, String name, String email, String slack, String webhookUrl, String timeZone) {
    public ZoneId zone() {
        try {
            return ZoneId.of(timeZone == null ? "UTC" : timeZone);
        } catch (java.time.DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }

    /** Their display name with the username, e.g. {@code Oncall One (oncall-1)}. */
    public String display() {
        return name == null || name.isBlank() ? username : name + " (" + username + ")";
    }
}
