package io.vigil.notification.application;

import io.vigil.notification.domain.Addressee;
import io.vigil.notification.domain.Contact;
import io.vigil.notification.domain.IncidentFacts;
import io.vigil.notification.persistence.DirectoryReadModel;
import io.vigil.policy.Policy;
import io.vigil.policy.Role;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a role to the people holding it at an instant: on-call from the schedule, the ingestion owner of an
 * incident from its open deploy window (DESIGN §3), realm roles from their grants; "all stakeholders" from the policy.
 * A person without a contact in the directory cannot be reached and is left out (logged).
 */
@ApplicationScoped
public class Directory {
    private static final Logger LOG = Logger.getLogger(Directory.class);
    private final DirectoryReadModel model;
    private final Policy policy;

    public Directory(DirectoryReadModel model, Policy policy) {
        this.model = model;
        this.policy = policy;
    }

    public List<Addressee> resolve(Role role, Instant at, IncidentFacts incident) {
        List<Addressee> found = new ArrayList<>();
        for (Role r : policy.expand(List.of(role))) {
            for (String username : holders(r, at, incident)) {
                person(username).ifPresent(c -> found.add(new Addressee(c, r.id())));
            }
        }
        return found;
    }

    /** The person's contact, if they are in the directory. */
    public Optional<Contact> person(String username) {
        Optional<Contact> contact = model.contact(username);
        if (contact.isEmpty()) {
            LOG.warnf("%s is not in the contact directory (no person.registered seen): not notified", username);
        }
        return contact;
    }

    /** The on-call primary at that instant as a reader sees them: name and username. */
    public Optional<String> onCallPrimary(Instant at) {
        return model.onCall("primary", at).map(u -> model.contact(u).map(Contact::display).orElse(u));
    }

    private List<String> holders(Role role, Instant at, IncidentFacts incident) {
        return switch (role) {
            case ON_CALL_PRIMARY -> model.onCall("primary", at).stream().toList();
            case ON_CALL_SECONDARY -> model.onCall("secondary", at).stream().toList();
            case ON_CALL -> java.util.stream.Stream.concat(model.onCall("primary", at).stream(),
                    model.onCall("secondary", at).stream()).distinct().toList();
            case DEPLOY_OWNER -> incident == null || incident.deployOwner() == null ? List.of() : List.of(incident.deployOwner());
            case INGESTION_OWNER -> incident != null && incident.deployOwner() != null
                    ? List.of(incident.deployOwner()) : model.holders(role.id(), at);
            case ANYONE, ALL_STAKEHOLDERS -> List.of();
            default -> model.holders(role.id(), at);
        };
    }
}
