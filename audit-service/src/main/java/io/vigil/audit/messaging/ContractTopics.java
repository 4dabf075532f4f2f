package io.vigil.audit.messaging;

import io.vigil.events.Topics;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;

/**
 * The audit log reads every topic of the contract: its topic list comes from the one list ({@link Topics#ALL}),
 * not a copy in application.properties. Ordinal 50, below application.properties, so a test or an operator can
 * still point the intake elsewhere.
 */
public class ContractTopics implements ConfigSource {
    static final String KEY = "vigil.audit.intake.topics";

    @Override
    public Map<String, String> getProperties() {
        return Map.of(KEY, String.join(",", Topics.ALL));
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(KEY);
    }

    @Override
    public String getValue(String propertyName) {
        return KEY.equals(propertyName) ? String.join(",", Topics.ALL) : null;
    }

    @Override
    public String getName() {
        return "vigil-contract-topics";
    }

    @Override
    public int getOrdinal() {
        return 50;
    }
}
