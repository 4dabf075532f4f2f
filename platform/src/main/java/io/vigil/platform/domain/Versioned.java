package io.vigil.platform.domain;

/** An aggregate's state with the version of its last stored event (0: no event yet). */
public record Versioned<S>(String id, S state, int version) {
    public boolean exists() {
        return version > 0;
    }
}
