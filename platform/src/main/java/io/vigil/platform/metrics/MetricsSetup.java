package io.vigil.platform.metrics;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.vigil.platform.config.VigilConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.List;

/** Every meter of a service carries {@code service="<vigil.service>"}, so one query covers the four services. */
@Singleton
public class MetricsSetup {
    @Produces
    @Singleton
    MeterFilter serviceTag(VigilConfig config) {
        return MeterFilter.commonTags(List.of(Tag.of("service", config.service())));
    }
}
