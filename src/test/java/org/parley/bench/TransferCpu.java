package org.parley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * CPU time used so far by each party to a transfer, and what MariaDB has written to disk: two snapshots, subtracted,
 * say where a transfer's time goes on a small machine where all of them share the same cores. The browser is every
 * process this JVM started except Java tools and the server (Chromium and Playwright's driver). MariaDB is its whole
 * server process: anything else using it at the same time counts too.
 */
record TransferCpu(Duration server, Duration database, Duration browser, Duration bench, long databaseDiskWrites) {

    private static final Optional<ProcessHandle> MARIADB = ProcessHandle.allProcesses()
            .filter(p -> p.info()
                    .command()
                    .map(c -> c.endsWith("/mariadbd") || c.endsWith("/mysqld"))
                    .orElse(false))
            .findFirst();

    static TransferCpu now(long serverPid) {
        Duration browser = ProcessHandle.current()
                .descendants()
                .filter(p -> p.pid() != serverPid)
                .filter(p -> p.info()
                        .command()
                        .map(c -> !c.endsWith("/java") && !c.endsWith("/jstat") && !c.endsWith("/jcmd"))
                        .orElse(false))
                .map(TransferCpu::cpu)
                .reduce(Duration.ZERO, Duration::plus);
        return new TransferCpu(
                ProcessHandle.of(serverPid).map(TransferCpu::cpu).orElse(Duration.ZERO),
                MARIADB.map(TransferCpu::cpu).orElse(Duration.ZERO),
                browser,
                cpu(ProcessHandle.current()),
                MARIADB.map(TransferCpu::diskWrites).orElse(0L));
    }

    TransferCpu minus(TransferCpu earlier) {
        return new TransferCpu(
                server.minus(earlier.server),
                database.minus(earlier.database),
                browser.minus(earlier.browser),
                bench.minus(earlier.bench),
                databaseDiskWrites - earlier.databaseDiskWrites);
    }

    String describe(double wallSeconds) {
        return String.format(
                Locale.ROOT,
                "%.1f s wall; CPU s: server %.1f, MariaDB %.1f, Chromium+driver %.1f,"
                        + " bench JVM %.1f; MariaDB wrote %.2f GiB to disk",
                wallSeconds,
                seconds(server),
                seconds(database),
                seconds(browser),
                seconds(bench),
                databaseDiskWrites / (1024.0 * 1024 * 1024));
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** Bytes the process caused to be written to storage (Linux, readable by its owner or root; 0 otherwise). */
    private static long diskWrites(ProcessHandle process) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "io")).stream()
                    .filter(l -> l.startsWith("write_bytes:"))
                    .findFirst()
                    .map(l -> Long.parseLong(l.substring(l.indexOf(':') + 1).trim()))
                    .orElse(0L);
        } catch (IOException | RuntimeException unreadable) {
            return 0;
        }
    }
}
