package io.vigil.ownership.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class DeployWindowRepository implements PanacheRepositoryBase<DeployWindowEntity, String> {

    /** Deploys whose window is open at {@code now}: not released and not yet at T+48. */
    public List<DeployWindowEntity> active(Instant now) {
        return list("releasedAt is null and windowEndsAt > ?1", Sort.descending("startedAt"), now);
    }

    public List<DeployWindowEntity> all() {
        return listAll(Sort.descending("startedAt"));
    }
}
