package org.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.parley.support.OwnMariaDbDatabase;

/**
 * The crash drill as a regression test, on the database this suite runs on (the embedded H2 by default, MariaDB
 * when SPRING_DATASOURCE_URL points there): Parley in its own JVM, killed with {@code kill -9} while light
 * clients send as fast as they can, started again on the same data. Every acknowledged message must be stored
 * exactly once and in order, and every receiver's list must have no gap and no duplicate.
 */
class CrashDrillTest {

    @Test
    void acknowledged_messages_survive_kill_9_exactly_once_in_order() throws Exception {
        Path work = Files.createTempDirectory("parley-crash-drill");
        useOwnDatabase(work);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (BenchServer server = BenchServer.fromClassPath(port, BenchDatabase.url(), work);
                BenchContext context = new BenchContext(server, new Results(), work)) {
            server.start();
            CrashDrill.Outcome outcome = CrashDrill.drill(context, 4, 3, 6_000, 5_000);
            System.out.println("Crash drill: " + outcome);
            assertThat(outcome.acknowledged())
                    .as("messages acknowledged before and after the crash")
                    .isGreaterThan(20);
            assertThat(outcome.lost())
                    .as("acknowledged but not stored: " + outcome)
                    .isZero();
            assertThat(outcome.duplicated()).as("stored twice: " + outcome).isZero();
            assertThat(outcome.outOfOrder())
                    .as("stored out of order: " + outcome)
                    .isZero();
            assertThat(outcome.receiversReconnected())
                    .as("receivers back after the restart")
                    .isEqualTo(outcome.receivers());
            assertThat(outcome.receiverGaps())
                    .as("receivers with a gap: " + outcome)
                    .isZero();
            assertThat(outcome.receiverDuplicates())
                    .as("receivers with a duplicate: " + outcome)
                    .isZero();
        }
    }

    /**
     * MariaDB: a database of its own beside the suite's. H2: a file database in mixed mode, so this JVM can read
     * what the server process writes (and a killed server's lock is taken over by the next one).
     */
    static void useOwnDatabase(Path work) throws Exception {
        OwnMariaDbDatabase mariaDb = OwnMariaDbDatabase.besideTheSuite("parley_crash_drill");
        if (mariaDb != null) {
            BenchDatabase.use(mariaDb.url(), mariaDb.user(), mariaDb.password());
        } else {
            BenchDatabase.use(
                    "jdbc:h2:file:" + work.resolve("parley") + ";AUTO_SERVER=TRUE;MODE=MariaDB;"
                            + "DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE,KEY;WRITE_DELAY=0",
                    "sa",
                    "");
        }
    }
}
