package io.vigil.bench;

import java.util.Arrays;

/** Response times of one kind of query, in milliseconds; nearest-rank percentiles. */
final class Latencies {
    private double[] millis = new double[64];
    private int count;
    private long rows;

    void add(long nanos, int rowsReturned) {
        if (count == millis.length) {
            millis = Arrays.copyOf(millis, count * 2);
        }
        millis[count++] = nanos / 1e6;
        rows += rowsReturned;
    }

    int count() {
        return count;
    }

    double meanRows() {
        return count == 0 ? 0 : (double) rows / count;
    }

    double percentile(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        double[] sorted = Arrays.copyOf(millis, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))];
    }

    double max() {
        return percentile(100);
    }
}
