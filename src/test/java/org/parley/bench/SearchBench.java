package org.parley.bench;

/** Placeholder until written. */
final class SearchBench {
    private SearchBench() {
    }

    static void run(BenchContext context) {
        throw new UnsupportedOperationException("SearchBench is not written yet");
    }
}
