package org.parley.chat.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.account.service.UserSummary;
import org.parley.chat.domain.Attachment;
import org.parley.chat.domain.AttachmentRepository;
import org.parley.support.Scenarios;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sweep of uploads a crash left unfinished runs on one node at a time: while another node holds the chore's
 * lock (a row in the database every node shares) this node skips it; once the lock has expired it runs, and holds
 * the lock itself.
 */
@SpringBootTest
class AbandonedUploadSweepTest {

    @Autowired
    AbandonedUploadSweep sweep;

    @Autowired
    AttachmentRepository attachments;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Scenarios scenarios;

    @Autowired
    TestUsers users;

    @Test
    void only_the_node_holding_the_lock_sweeps() {
        // Another node holds the chore for a day (before anything is swept here, scheduled runs included).
        Instant now = Instant.now();
        committed(() -> {
            jdbc.update("delete from shedlock where name = ?", AbandonedUploadSweep.LOCK);
            jdbc.update(
                    "insert into shedlock (name, lock_until, locked_at, locked_by) values (?, ?, ?, ?)",
                    AbandonedUploadSweep.LOCK,
                    Timestamp.from(now.plus(Duration.ofDays(1))),
                    Timestamp.from(now),
                    "node-b");
        });
        Map<String, UserSummary> people = users.createAll("uploader", "friend");
        long conversation = scenarios.friendsWithConversation(people.get("uploader"), people.get("friend"));
        long abandoned = attachments
                .save(new Attachment(
                        conversation,
                        people.get("uploader").id(),
                        "cut-off.bin",
                        "application/octet-stream",
                        now.minus(Duration.ofDays(2))))
                .getId();

        sweep.run();
        assertThat(attachments.findById(abandoned)).as("node B holds the chore").isPresent();

        // Node B's lock runs out (it died, say): this node takes the chore and sweeps.
        committed(() -> jdbc.update(
                "update shedlock set lock_until = ? where name = ?",
                Timestamp.from(now.minus(Duration.ofDays(1))),
                AbandonedUploadSweep.LOCK));
        sweep.run();
        assertThat(attachments.findById(abandoned)).as("swept").isEmpty();
        assertThat(jdbc.queryForObject(
                        "select locked_by from shedlock where name = ?", String.class, AbandonedUploadSweep.LOCK))
                .as("held by this node now")
                .isNotEqualTo("node-b");
    }

    /** Connections run with auto-commit off: what another node would see must be committed. */
    private void committed(Runnable writes) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> writes.run());
    }
}
