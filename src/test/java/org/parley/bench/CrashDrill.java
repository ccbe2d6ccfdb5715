package org.parley.bench;

/** Placeholder until written. */
final class CrashDrill {
    private CrashDrill() {
    }

    static void run(BenchContext context) {
        throw new UnsupportedOperationException("CrashDrill is not written yet");
    }
}
