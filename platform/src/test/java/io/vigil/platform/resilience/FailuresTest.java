package io.vigil.platform.resilience;

import io.vigil.platform.domain.RuleViolation;
import io.vigil.platform.eventstore.ConcurrencyConflict;
import io.vigil.platform.inbox.RejectedEvent;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;

class FailuresTest {

    @Test
    void shouldTakeALostDatabaseConnectionForAnOutageHoweverDeepItIsWrapped() {
        // what the inbox saw when PostgreSQL stopped: "cannot record processed event" around the driver's error
        var lost = new IllegalStateException("cannot record processed event", new SQLException("An I/O error occurred", "08006"));

        assertThat(Failures.isTransient(lost)).isTrue();
        assertThat(Failures.isTransient(new SQLException("the database system is shutting down", "57P03"))).isTrue();
        assertThat(Failures.isTransient(new SQLException("deadlock detected", "40P01"))).isTrue();
        assertThat(Failures.isTransient(new SQLTransientConnectionException("pool exhausted"))).isTrue();
        assertThat(Failures.isTransient(new SQLException("Acquisition timeout while waiting for new connection"))).isTrue();
    }

    @Test
    void shouldTakeAnUnreachableBrokerForAnOutage() {
        var timeout = new IllegalStateException("could not dead-letter",
                new ExecutionException(new org.apache.kafka.common.errors.TimeoutException("Expiring 1 record(s)")));

        assertThat(Failures.isTransient(timeout)).isTrue();
        assertThat(Failures.isTransient(new RuntimeException(new ConnectException("Connection refused")))).isTrue();
    }

    @Test
    void shouldRetryAConflictingWriter() {
        assertThat(Failures.isTransient(new ConcurrencyConflict("dep-1", 2))).isTrue();
    }

    @Test
    void shouldNotTakeAFaultOfTheWorkForAnOutage() {
        assertThat(Failures.isTransient(new SQLException("duplicate key value", "23505"))).isFalse();
        assertThat(Failures.isTransient(new SQLException("value too long", "22001"))).isFalse();
        assertThat(Failures.isTransient(new RejectedEvent("unknown deploy"))).isFalse();
        assertThat(Failures.isTransient(new RuleViolation("deploy-id-unique", "started twice"))).isFalse();
        assertThat(Failures.isTransient(new NullPointerException())).isFalse();
    }
}
