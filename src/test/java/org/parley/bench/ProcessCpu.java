package org.parley.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time a process has used (user + system), from {@code /proc/<pid>/stat}: for "CPU per delivery", where the
 * server, the driver and Chromium share the machine's cores and wall time alone says little.
 */
final class ProcessCpu {

    /** This JVM: the benchmark driver with its light clients. */
    static final long SELF = ProcessHandle.current().pid();

    private static final long TICKS_PER_SECOND = clockTicks();

    private ProcessCpu() {}

    /** User plus system CPU time of the process so far, in microseconds (to the kernel's clock tick). */
    static long micros(long pid) {
        try {
            return micros(Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII));
        } catch (IOException unreadable) {
            throw new UncheckedIOException("No CPU time for process " + pid, unreadable);
        }
    }

    /**
     * CPU time so far of the JVM's JIT compiler threads ("C1 CompilerThread…", "C2 CompilerThread…"), in
     * microseconds: how much of a figure is the JVM still compiling, which a server running for a while no
     * longer pays. Counts the threads alive now: BenchServer keeps the compiler threads for the JVM's life.
     */
    static long compilerMicros(long pid) {
        return threadMicros(pid, "CompilerThre");
    }

    /** CPU time so far of the garbage collector's threads (G1's "GC Thread#…", "G1 Conc#…", "G1 Refine#…"). */
    static long collectorMicros(long pid) {
        return threadMicros(pid, "GC Thread") + threadMicros(pid, "G1 ");
    }

    /**
     * CPU time so far by kind of thread (the thread's name as Linux keeps it, 15 characters, digits dropped: all
     * "http-nio-…-exec-…" together), in microseconds: where a process spends what no figure names.
     */
    static Map<String, Long> microsByThreadKind(long pid) {
        Map<String, Long> byKind = new HashMap<>();
        try (var threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path thread : threads.toList()) {
                try {
                    String kind = Files.readString(thread.resolve("comm"), StandardCharsets.US_ASCII)
                            .strip()
                            .replaceAll("[0-9]+", "");
                    byKind.merge(
                            kind,
                            micros(Files.readString(thread.resolve("stat"), StandardCharsets.US_ASCII)),
                            Long::sum);
                } catch (IOException ended) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException("No threads for process " + pid, unreadable);
        }
        return byKind;
    }

    private static long threadMicros(long pid, String nameContains) {
        long total = 0;
        try (var threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path thread : threads.toList()) {
                try {
                    if (Files.readString(thread.resolve("comm"), StandardCharsets.US_ASCII)
                            .contains(nameContains)) {
                        total += micros(Files.readString(thread.resolve("stat"), StandardCharsets.US_ASCII));
                    }
                } catch (IOException ended) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException("No threads for process " + pid, unreadable);
        }
        return total;
    }

    private static long micros(String stat) {
        // The command name (field 2) is in parentheses and may hold spaces: count fields after its ')'.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
        return ticks * 1_000_000 / TICKS_PER_SECOND;
    }

    /** {@code getconf CLK_TCK}: the unit of /proc's CPU times (100 on Linux almost everywhere). */
    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK")
                    .redirectErrorStream(true)
                    .start();
            String answer = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            getconf.waitFor();
            return Long.parseLong(answer);
        } catch (IOException | NumberFormatException unknown) {
            return 100;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
