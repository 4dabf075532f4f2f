package io.vigil.platform.testing;

import io.vigil.platform.timer.DueTimer;
import io.vigil.platform.timer.TimerHandler;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records a fired timer once its transaction commits, as a handler's effect would only then exist. */
@jakarta.inject.Singleton // no client proxy: tests read its fields
public class RecordingTimerHandler implements TimerHandler {
    public static final String KIND = "test";
    public final List<DueTimer> fired = new CopyOnWriteArrayList<>();
    private final TransactionSynchronizationRegistry transactions;

    public RecordingTimerHandler(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void fire(DueTimer timer) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    fired.add(timer);
                }
            }
        });
    }
}
