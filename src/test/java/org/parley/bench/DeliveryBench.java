package org.parley.bench;

/** Placeholder until written. */
final class DeliveryBench {
    private DeliveryBench() {
    }

    static void latency(BenchContext context) {
        throw new UnsupportedOperationException("not written yet");
    }

    static void fanOut(BenchContext context) {
        throw new UnsupportedOperationException("not written yet");
    }
}
