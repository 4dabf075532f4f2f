package io.vigil.bench;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a run must undo however it ends (the service JVM, the topic and groups, the export file): run once, in
 * reverse order of registration, from the main thread's finally or from the shutdown hook on SIGTERM/SIGINT.
 */
final class Cleanup {
    interface Step {
        void run() throws Exception;
    }

    private final Deque<Step> steps = new ArrayDeque<>();
    private boolean done;

    synchronized void add(Step step) {
        steps.push(step);
    }

    synchronized void runAll() {
        if (done) {
            return;
        }
        done = true;
        while (!steps.isEmpty()) {
            try {
                steps.pop().run();
            } catch (Exception e) {
                System.err.println("[bench] cleanup step failed: " + e);
            }
        }
    }
}
