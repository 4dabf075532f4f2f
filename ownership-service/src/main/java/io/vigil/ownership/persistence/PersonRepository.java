package io.vigil.ownership.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class PersonRepository implements PanacheRepositoryBase<PersonEntity, String> {
    public List<PersonEntity> all() {
        return listAll(Sort.ascending("username"));
    }
}
