package io.vigil.platform.policy;

import io.quarkus.runtime.StartupEvent;
import io.vigil.platform.config.VigilConfig;
import io.vigil.policy.InvalidPolicy;
import io.vigil.policy.Policy;
import io.vigil.policy.PolicyDocument;
import io.vigil.policy.PolicyLoader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The service's effective policy (DESIGN §3): the document built into {@code vigil-policy}, or the file named by
 * {@code vigil.policy.file}, which replaces it as a whole. A service injects {@link Policy} (or
 * {@link PolicyDocument} for the source and the raw document).
 */
@ApplicationScoped
public class PolicyProducer {
    private static final Logger LOG = Logger.getLogger(PolicyProducer.class);

    private final Optional<String> file;
    private PolicyDocument document;

    public PolicyProducer(VigilConfig config) {
        this.file = config.policy().file();
    }

    /** Loaded at start, so an invalid file stops the service with its {@link InvalidPolicy} message, not a later request. */
    void loadAtStart(@Observes StartupEvent event) {
        document();
    }

    /** The records are immutable, so one instance serves everyone without a proxy. */
    @Produces
    @Singleton
    Policy policy() {
        return document().policy();
    }

    @Produces
    @Singleton
    PolicyDocument policyDocument() {
        return document();
    }

    private synchronized PolicyDocument document() {
        if (document == null) {
            document = new PolicyLoader().load(file.map(Path::of));
            LOG.infof("policy %s loaded from %s", document.version(), document.source());
        }
        return document;
    }
}
