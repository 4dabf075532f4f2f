package io.vigil.events;

/** A record that is not a valid Vigil event: not a CloudEvent, a missing attribute, an unknown type, data against its schema. */
public class ContractViolation extends RuntimeException {
    public ContractViolation(String reason) {
        super(reason);
    }

    public ContractViolation(String reason, Throwable cause) {
        super(reason, cause);
    }
}
