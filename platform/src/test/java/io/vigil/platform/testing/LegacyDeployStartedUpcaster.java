package io.vigil.platform.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.events.Envelope;
import io.vigil.events.EventCodec;
import io.vigil.platform.eventstore.Upcaster;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;

/** A made-up older deploy.started whose pull request field had another name: read as today's v1. */
@ApplicationScoped
public class LegacyDeployStartedUpcaster implements Upcaster {
    public static final String LEGACY_TYPE = "vigil.deploy.started.v0";
    private final EventCodec codec;

    public LegacyDeployStartedUpcaster(EventCodec codec) {
        this.codec = codec;
    }

    @Override
    public String fromType() {
        return LEGACY_TYPE;
    }

    @Override
    public Envelope upcast(Envelope stored) {
        try {
            ObjectNode data = (ObjectNode) codec.json().readTree(stored.data());
            data.set("prUrl", data.remove("pullRequest"));
            return new Envelope(stored.id(), stored.source(), "vigil.deploy.started.v1", stored.subject(), stored.time(),
                    stored.actor(), stored.correlationId(), stored.causationId(), stored.traceparent(),
                    codec.json().writeValueAsBytes(data));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
