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

    /** Ids of the deploys whose window contains {@code at} and is not released. */
    public List<String> openAt(Instant at) {
        return getEntityManager().createQuery("select w.deployId from DeployWindowEntity w where w.releasedAt is null"
                + " and w.startedAt <= :at and w.windowEndsAt > :at", String.class).setParameter("at", at).getResultList();
    }

    public List<String> openOnServiceAt(String service, Instant at) {
        return getEntityManager().createQuery("select w.deployId from DeployWindowEntity w where w.service = :service"
                        + " and w.releasedAt is null and w.startedAt <= :at and w.windowEndsAt > :at", String.class)
                .setParameter("service", service).setParameter("at", at).getResultList();
    }

    /** Windows {@code username} owns and has not released: their stabilization duty. */
    public List<DeployWindowEntity> ownedBy(String username) {
        return list("owner = ?1 and releasedAt is null", Sort.descending("startedAt"), username);
    }
}
