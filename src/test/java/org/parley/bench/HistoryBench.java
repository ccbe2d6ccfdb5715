package org.parley.bench;

/** Placeholder until written. */
final class HistoryBench {
    private HistoryBench() {
    }

    static void run(BenchContext context) {
        throw new UnsupportedOperationException("HistoryBench is not written yet");
    }
}
