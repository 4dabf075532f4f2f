package io.vigil.events.alerts;

/**
 * What an alert says about impact; the severity rules (DESIGN §3, seed 001 §4.1) read these.
 * Every field is optional: a monitoring system sends what it knows.
 *
 * @param errorRatePct              error rate, in percent (0–100)
 * @param circuitBreakerOpenSeconds how long a circuit breaker has been open
 * @param dataCorruptionSuspected   data may be corrupted (P1)
 * @param affectedClients           number of clients affected
 * @param allClientsAffected        every client is affected (P1)
 * @param scope                     {@code "global"} or {@code "workspace:<id>"}
 */
public record Signals(
        Double errorRatePct,
        Long circuitBreakerOpenSeconds,
        Boolean dataCorruptionSuspected,
        Integer affectedClients,
        Boolean allClientsAffected,
        String scope) {

    public static Signals none() {
        return new Signals(null, null, null, null, null, null);
    }
}
