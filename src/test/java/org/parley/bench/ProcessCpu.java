package org.parley.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time a process has used (user + system), from {@code /proc/<pid>/stat}: for "CPU per delivery", where the
 * server, the driver and Chromium share the machine's cores and wall time alone says little.
 */
final class ProcessCpu {

    /** This JVM: the benchmark driver with its light clients. */
    static final long SELF = ProcessHandle.current().pid();

    private static final long TICKS_PER_SECOND = clockTicks();

    private ProcessCpu() {
    }

    /** User plus system CPU time of the process so far, in microseconds (to the kernel's clock tick). */
    static long micros(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            // The command name (field 2) is in parentheses and may hold spaces: count fields after its ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
            return ticks * 1_000_000 / TICKS_PER_SECOND;
        } catch (IOException unreadable) {
            throw new UncheckedIOException("No CPU time for process " + pid, unreadable);
        }
    }

    /** {@code getconf CLK_TCK}: the unit of /proc's CPU times (100 on Linux almost everywhere). */
    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
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
