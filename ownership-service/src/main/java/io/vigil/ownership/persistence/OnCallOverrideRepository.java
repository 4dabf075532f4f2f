package io.vigil.ownership.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class OnCallOverrideRepository implements PanacheRepositoryBase<OnCallOverrideEntity, String> {
    /** In the order they were set: a later override wins where two overlap. */
    public List<OnCallOverrideEntity> inOrderSet() {
        return listAll(Sort.ascending("aggregateVersion"));
    }
}
