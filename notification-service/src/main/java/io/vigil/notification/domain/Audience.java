package io.vigil.notification.domain;

/** Whom a message of the communication matrix goes to. */
public enum Audience {
    /** The policy's {@code stakeholders}: the readers of #ingestion-rollout (seed 001 §7.1). */
    STAKEHOLDERS,
    /** The roles and people the event itself names (its {@code targets}). */
    TARGETS,
    /** The person who asked (a test message). */
    REQUESTER
}
