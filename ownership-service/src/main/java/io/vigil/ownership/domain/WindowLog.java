package io.vigil.ownership.domain;

import io.vigil.events.ownership.Checkpoint;
import io.vigil.events.ownership.PostmortemRequired;
import io.vigil.events.ownership.PostmortemTrigger;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What happened in a deploy's window so far, as its events tell it: the check due now, the checkpoints done, the
 * post-mortems required and still open, what the deploy events answered, and whether ownership was released.
 *
 * @param checkDue the due time of the check outstanding; null when none is (after a miss, the next one is a timer's)
 * @param postmortems every required post-mortem by its trigger reference
 * @param filed trigger references whose post-mortem was filed
 * @param healthCheckPassed from {@code deploy.completed}; null until it arrives
 */
public record WindowLog(Instant releasedAt, Instant checkDue, Instant lastCheckAt, Set<Checkpoint> checkpointsDone,
                        Map<String, PostmortemRequired> postmortems, Set<String> filed,
                        boolean deployCompleted, Boolean healthCheckPassed, Instant rolledBackAt) {

    public static final WindowLog EMPTY = new WindowLog(null, null, null, Set.of(), Map.of(), Set.of(), false, null, null);

    public WindowLog {
        checkpointsDone = checkpointsDone.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(checkpointsDone));
        postmortems = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(postmortems));
        filed = Set.copyOf(filed);
    }

    public boolean released() {
        return releasedAt != null;
    }

    /** Post-mortems required and not filed yet, oldest first. */
    public List<PostmortemRequired> openPostmortems() {
        return postmortems.values().stream().filter(p -> !filed.contains(p.triggerRef())).toList();
    }

    /** P1 incidents (critical alerts) on the deploy's service during the window, by incident id. */
    public List<String> p1Incidents() {
        return postmortems.values().stream().filter(p -> p.trigger() == PostmortemTrigger.P1_INCIDENT)
                .map(PostmortemRequired::triggerRef).toList();
    }

    WindowLog released(Instant at) {
        return new WindowLog(at, null, lastCheckAt, checkpointsDone, postmortems, filed, deployCompleted, healthCheckPassed, rolledBackAt);
    }

    WindowLog checkDue(Instant due, Instant lastCheck) {
        return new WindowLog(releasedAt, due, lastCheck, checkpointsDone, postmortems, filed, deployCompleted, healthCheckPassed, rolledBackAt);
    }

    WindowLog checkpointDone(Checkpoint checkpoint) {
        Set<Checkpoint> done = EnumSet.noneOf(Checkpoint.class);
        done.addAll(checkpointsDone);
        done.add(checkpoint);
        return new WindowLog(releasedAt, checkDue, lastCheckAt, done, postmortems, filed, deployCompleted, healthCheckPassed, rolledBackAt);
    }

    WindowLog postmortemRequired(PostmortemRequired required) {
        Map<String, PostmortemRequired> all = new LinkedHashMap<>(postmortems);
        all.putIfAbsent(required.triggerRef(), required);
        return new WindowLog(releasedAt, checkDue, lastCheckAt, checkpointsDone, all, filed, deployCompleted, healthCheckPassed, rolledBackAt);
    }

    WindowLog postmortemFiled(String triggerRef) {
        Set<String> all = new java.util.HashSet<>(filed);
        all.add(triggerRef);
        return new WindowLog(releasedAt, checkDue, lastCheckAt, checkpointsDone, postmortems, all, deployCompleted, healthCheckPassed, rolledBackAt);
    }

    WindowLog completed(boolean healthCheck) {
        return new WindowLog(releasedAt, checkDue, lastCheckAt, checkpointsDone, postmortems, filed, true, healthCheck, rolledBackAt);
    }

    WindowLog rolledBack(Instant at) {
        return new WindowLog(releasedAt, checkDue, lastCheckAt, checkpointsDone, postmortems, filed, deployCompleted, healthCheckPassed, at);
    }
}
