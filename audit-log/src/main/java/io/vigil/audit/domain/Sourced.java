package io.vigil.audit.domain;

import java.util.List;

/** A field of the activation log with the seq numbers of the log entries it was taken from. */
public record Sourced<T>(T value, List<Long> seqs) {
    public Sourced {
        seqs = List.copyOf(seqs);
    }

    static <T> Sourced<T> of(T value, long seq) {
        return new Sourced<>(value, List.of(seq));
    }
}
