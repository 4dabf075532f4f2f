package io.vigil.ownership.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class ProgramRepository implements PanacheRepositoryBase<ProgramEntity, String> {

    public List<ProgramEntity> all() {
        return listAll(Sort.descending("createdAt").and("programId"));
    }
}
