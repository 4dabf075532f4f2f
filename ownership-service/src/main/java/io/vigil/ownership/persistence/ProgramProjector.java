package io.vigil.ownership.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.events.EventCodec;
import io.vigil.events.ownership.PhaseAdvanced;
import io.vigil.events.ownership.PhaseApproval;
import io.vigil.events.ownership.PhaseGateApproved;
import io.vigil.events.ownership.PhaseGateVetoed;
import io.vigil.events.ownership.PhaseRollbackApproved;
import io.vigil.events.ownership.PhaseRollbackRequested;
import io.vigil.events.ownership.PhaseRolledBack;
import io.vigil.events.ownership.PhaseVetoWithdrawn;
import io.vigil.events.ownership.ProgramCreated;
import io.vigil.ownership.domain.Program;
import io.vigil.platform.eventstore.StoredEvent;
import io.vigil.platform.projection.Projection;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Keeps {@code program} in step with the programme events, in the transaction that appends them; rebuilt from the
 * event store by {@code POST /admin/projections/program/rebuild}. It copies what the events say; no rule is decided here.
 */
@ApplicationScoped
public class ProgramProjector implements Projection {
    private static final ObjectMapper JSON = EventCodec.objectMapper();
    private final ProgramRepository programs;

    public ProgramProjector(ProgramRepository programs) {
        this.programs = programs;
    }

    @Override
    public String name() {
        return "program";
    }

    @Override
    public List<String> aggregateTypes() {
        return List.of(Program.KIND.name());
    }

    @Override
    public void clear() {
        programs.deleteAll();
    }

    @Override
    public void apply(StoredEvent event) {
        if (event.payload() instanceof ProgramCreated c) {
            ProgramEntity p = new ProgramEntity();
            p.programId = c.programId();
            p.name = c.name();
            p.phase = c.phase();
            p.createdBy = c.createdBy();
            p.createdAt = c.createdAt();
            p.updatedAt = event.event().time();
            p.sheet = write(ProgramSheet.EMPTY);
            p.aggregateVersion = event.version();
            programs.persist(p);
            return;
        }
        programs.findByIdOptional(event.aggregateId()).ifPresent(p -> {
            ProgramSheet s = read(p.sheet);
            ProgramSheet next = switch (event.payload()) {
                case PhaseGateApproved a -> new ProgramSheet(plus(s.approvals(), ProgramSheet.GateApproval.of(a)), s.vetoes(), s.advances(), s.rollbacks());
                case PhaseGateVetoed v -> new ProgramSheet(s.approvals(), plus(s.vetoes(), ProgramSheet.GateVeto.of(v)), s.advances(), s.rollbacks());
                case PhaseVetoWithdrawn w -> new ProgramSheet(s.approvals(),
                        s.vetoes().stream().filter(v -> !v.by().equals(w.by())).toList(), s.advances(), s.rollbacks());
                case PhaseAdvanced a -> {
                    p.phase = a.to();
                    yield new ProgramSheet(List.of(), List.of(), plus(s.advances(), new ProgramSheet.Advance(a.from(), a.to(),
                            a.approvers(), a.generallyAvailable(), a.advancedAt(), a.policyRule(), a.policyVersion())), s.rollbacks());
                }
                case PhaseRollbackRequested r -> new ProgramSheet(s.approvals(), s.vetoes(), s.advances(),
                        plus(s.rollbacks(), ProgramSheet.Rollback.requested(r)));
                case PhaseRollbackApproved a -> new ProgramSheet(s.approvals(), s.vetoes(), s.advances(),
                        replace(s.rollbacks(), a.rollbackId(), r -> r.withApproval(new PhaseApproval(a.by(), a.role(), a.approvedAt()))));
                case PhaseRolledBack r -> {
                    p.phase = r.to();
                    List<ProgramSheet.Rollback> rollbacks = s.rollbacks().stream().anyMatch(x -> x.rollbackId().equals(r.rollbackId()))
                            ? replace(s.rollbacks(), r.rollbackId(), x -> ProgramSheet.Rollback.done(r, x.requestedAt(), x.approvalsRequired()))
                            : plus(s.rollbacks(), ProgramSheet.Rollback.done(r, r.rolledBackAt(), List.of()));
                    yield new ProgramSheet(List.of(), List.of(), s.advances(), rollbacks);
                }
                default -> s;
            };
            p.sheet = write(next);
            p.updatedAt = event.event().time();
            p.aggregateVersion = event.version();
        });
    }

    public static ProgramSheet read(String sheet) {
        try {
            return JSON.readValue(sheet, ProgramSheet.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("program sheet is not readable JSON", e);
        }
    }

    private static String write(ProgramSheet sheet) {
        try {
            return JSON.writeValueAsString(sheet);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("program sheet cannot be written as JSON", e);
        }
    }

    private static <T> List<T> plus(List<T> list, T item) {
        List<T> all = new ArrayList<>(list);
        all.add(item);
        return all;
    }

    private static List<ProgramSheet.Rollback> replace(List<ProgramSheet.Rollback> rollbacks, String id, UnaryOperator<ProgramSheet.Rollback> change) {
        return rollbacks.stream().map(r -> r.rollbackId().equals(id) ? change.apply(r) : r).toList();
    }
}
