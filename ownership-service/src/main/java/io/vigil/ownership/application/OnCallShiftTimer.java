package io.vigil.ownership.application;

import io.vigil.ownership.domain.OnCallSchedule;
import io.vigil.platform.timer.DueTimer;
import io.vigil.platform.timer.TimerHandler;
import jakarta.enterprise.context.ApplicationScoped;

/** At every handover and override edge the schedule announces the shift that starts ({@code shift.started}). */
@ApplicationScoped
public class OnCallShiftTimer implements TimerHandler {
    private final OnCallScheduling scheduling;

    public OnCallShiftTimer(OnCallScheduling scheduling) {
        this.scheduling = scheduling;
    }

    @Override
    public String kind() {
        return OnCallSchedule.SHIFT_TIMER;
    }

    @Override
    public void fire(DueTimer timer) {
        scheduling.announceShift(timer.dueAt());
    }
}
