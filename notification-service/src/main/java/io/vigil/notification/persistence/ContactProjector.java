package io.vigil.notification.persistence;

import io.vigil.events.roster.PersonRegistered;
import io.vigil.events.roster.RoleGranted;
import io.vigil.events.roster.RoleRevoked;
import io.vigil.notification.domain.RoleNames;
import io.vigil.notification.domain.ReceivedLog;
import io.vigil.platform.eventstore.StoredEvent;
import io.vigil.platform.projection.Projection;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.util.List;

/** Keeps {@code contact} and {@code role_grant} in step with the person events; copies what they say. */
@ApplicationScoped
public class ContactProjector implements Projection {
    private final Sql sql;

    public ContactProjector(DataSource dataSource) {
        this.sql = new Sql(dataSource);
    }

    @Override
    public String name() {
        return "contact";
    }

    @Override
    public List<String> aggregateTypes() {
        return List.of(ReceivedLog.PERSON.name());
    }

    @Override
    public void clear() {
        sql.update("DELETE FROM role_grant");
        sql.update("DELETE FROM contact");
    }

    @Override
    public void apply(StoredEvent event) {
        switch (event.payload()) {
            case PersonRegistered p -> sql.update("""
                    INSERT INTO contact (username, name, email, slack, webhook_url, time_zone, updated_at, aggregate_version)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (username) DO UPDATE SET name = excluded.name, email = excluded.email, slack = excluded.slack,
                        webhook_url = excluded.webhook_url, time_zone = excluded.time_zone, updated_at = excluded.updated_at,
                        aggregate_version = excluded.aggregate_version""",
                    p.username(), p.name(), p.email(), p.slack(), p.webhookUrl(), p.timeZone(), p.registeredAt(), event.version());
            case RoleGranted g -> {
                String role = RoleNames.of(g.role());
                boolean held = !sql.query("SELECT 1 FROM role_grant WHERE username = ? AND role = ? AND revoked_at IS NULL",
                        rs -> 1, g.username(), role).isEmpty();
                if (!held) {
                    sql.update("INSERT INTO role_grant (username, role, granted_at) VALUES (?, ?, ?)", g.username(), role, g.grantedAt());
                }
            }
            case RoleRevoked r -> sql.update("UPDATE role_grant SET revoked_at = ? WHERE username = ? AND role = ? AND revoked_at IS NULL",
                    r.revokedAt(), r.username(), RoleNames.of(r.role()));
            default -> {
            }
        }
    }
}
