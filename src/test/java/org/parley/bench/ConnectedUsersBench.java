package org.parley.bench;

/** Placeholder until written. */
final class ConnectedUsersBench {
    private ConnectedUsersBench() {
    }

    static void run(BenchContext context) {
        throw new UnsupportedOperationException("ConnectedUsersBench is not written yet");
    }
}
