package io.vigil.platform.resilience;

import io.vigil.platform.eventstore.ConcurrencyConflict;
import org.apache.kafka.common.errors.RetriableException;

import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.concurrent.TimeoutException;

/**
 * Tells a fault of our own infrastructure (database or broker unreachable, a conflicting writer) from a
 * fault of the work itself. The first is waited out and retried; only the second may ever end in a dead letter.
 */
public final class Failures {
    private Failures() {
    }

    /** True when retrying later can succeed without anything about the input changing. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyConflict
                    || t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof ConnectException || t instanceof SocketException
                    || t instanceof RetriableException || t instanceof TimeoutException
                    || t instanceof org.apache.kafka.common.errors.TimeoutException
                    || t instanceof jakarta.transaction.RollbackException
                    || t instanceof jakarta.transaction.HeuristicMixedException
                    || t instanceof jakarta.transaction.HeuristicRollbackException
                    || t instanceof jakarta.transaction.SystemException) {
                return true;
            }
            if (t instanceof SQLException sql && transientState(sql)) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE classes that describe the server or the connection, not the statement: 08 connection,
     * 40 serialization failure or deadlock, 53 insufficient resources, 57 operator intervention
     * (shutdown, cannot connect now), 58 system error, XX internal error.
     */
    private static boolean transientState(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            String state = s.getSQLState();
            if (state == null) {
                // the pool gives up acquiring a connection with no state of its own
                if (s.getMessage() != null && s.getMessage().toLowerCase().contains("acquisition timeout")) {
                    return true;
                }
                continue;
            }
            if (state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                    || state.startsWith("57") || state.startsWith("58") || state.startsWith("XX")) {
                return true;
            }
        }
        return false;
    }
}
