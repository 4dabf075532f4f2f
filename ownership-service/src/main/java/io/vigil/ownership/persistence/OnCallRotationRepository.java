package io.vigil.ownership.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;

@ApplicationScoped
public class OnCallRotationRepository implements PanacheRepositoryBase<OnCallRotationEntity, LocalDate> {
    public List<OnCallRotationEntity> all() {
        return listAll(Sort.ascending("weekStart"));
    }
}
