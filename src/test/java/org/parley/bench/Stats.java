package org.parley.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Samples of one measurement (milliseconds unless the row says otherwise), summarised by nearest-rank percentiles. */
final class Stats {

    record Summary(int count, double p50, double p95, double p99, double max) {}

    private final List<Double> samples = new ArrayList<>();

    synchronized void add(double value) {
        samples.add(value);
    }

    void addAll(Stats other) {
        List<Double> theirs;
        synchronized (other) {
            theirs = new ArrayList<>(other.samples);
        }
        synchronized (this) {
            samples.addAll(theirs);
        }
    }

    synchronized int count() {
        return samples.size();
    }

    synchronized Summary summary() {
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Summary(sorted.size(), rank(sorted, 50), rank(sorted, 95), rank(sorted, 99), sorted.getLast());
    }

    private static double rank(List<Double> sorted, double percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
