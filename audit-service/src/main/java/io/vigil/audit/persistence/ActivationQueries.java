package io.vigil.audit.persistence;

import io.vigil.audit.domain.AuditedEvent;
import io.vigil.events.ContractViolation;
import io.vigil.events.EventCodec;
import io.vigil.events.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The log entries behind the activation log: activations, and per switch its kill-switch events and notifications. */
@ApplicationScoped
public class ActivationQueries {
    private static final Logger LOG = Logger.getLogger(ActivationQueries.class);

    private final DataSource dataSource;
    private final EventCodec codec;

    public ActivationQueries(DataSource dataSource, EventCodec codec) {
        this.dataSource = dataSource;
        this.codec = codec;
    }

    /** An activation event's place in the log and the switch it activated. */
    public record Activation(long seq, String switchId) {
    }

    /** Activations after the {@code after} seq, in log order. */
    @Transactional
    public List<Activation> activations(long after, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT seq, subject FROM audit_entry WHERE type = ? AND seq > ? ORDER BY seq LIMIT ?")) {
            ps.setString(1, EventType.KILLSWITCH_ACTIVATED.typeName());
            ps.setLong(2, after);
            ps.setInt(3, limit);
            List<Activation> activations = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    activations.add(new Activation(rs.getLong(1), rs.getString(2)));
                }
            }
            return activations;
        } catch (SQLException e) {
            throw new IllegalStateException("activation query failed", e);
        }
    }

    /** The switch's kill-switch events and the notifications they caused, in log order. */
    @Transactional
    public List<AuditedEvent> eventsOf(String switchId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT seq, event_id, type, payload FROM audit_entry
                WHERE (subject = ? AND type LIKE 'vigil.killswitch.%')
                   OR (type = 'vigil.notification.sent.v1' AND causation_subject = ?)
                ORDER BY seq""")) {
            ps.setString(1, switchId);
            ps.setString(2, switchId);
            List<AuditedEvent> events = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    typed(rs).ifPresent(events::add);
                }
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException("activation query failed", e);
        }
    }

    private java.util.Optional<AuditedEvent> typed(ResultSet rs) throws SQLException {
        long seq = rs.getLong(1);
        var type = EventType.byName(rs.getString(3));
        if (type.isEmpty()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(new AuditedEvent(seq, rs.getString(2),
                    codec.payload(type.get(), rs.getString(4).getBytes(StandardCharsets.UTF_8))));
        } catch (ContractViolation e) {
            LOG.warnf("audit entry %d is left out of the activation log: %s", seq, e.getMessage());
            return java.util.Optional.empty();
        }
    }
}
