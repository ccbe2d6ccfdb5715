package org.parley.bench;

/** Placeholder until written. */
final class TransferBench {
    private TransferBench() {
    }

    static void run(BenchContext context) {
        throw new UnsupportedOperationException("TransferBench is not written yet");
    }
}
