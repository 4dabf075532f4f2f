package io.vigil.platform.inbox;

/** A well-formed event that the domain refuses (an unknown aggregate, a broken rule); retrying cannot help. */
public class RejectedEvent extends RuntimeException {
    public RejectedEvent(String reason) {
        super(reason);
    }
}
