package io.vigil.notification.domain;

/**
 * A person to reach and the capacity they are reached in ({@code on-call-primary}, {@code sre-lead}, …).
 */
public record Addressee(Contact contact, String role) {
    public String username() {
        return contact.username();
    }
}
