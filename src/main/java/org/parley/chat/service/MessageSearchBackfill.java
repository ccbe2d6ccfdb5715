package org.parley.chat.service;

import java.time.Duration;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.parley.base.service.TermIndexes;
import org.parley.chat.domain.ChatMessage;
import org.parley.chat.domain.ChatMessageRepository;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Indexes for search the messages stored before search existed (message_search_backfill.done_below, set by the
 * migration), newest first, a batch at a time, on one node of a cluster at a time. Messages stored since are indexed
 * as they are stored ({@link MessageAppender}); once the backfill reaches the first message it has nothing to do.
 */
@Component
public class MessageSearchBackfill {

    static final String LOCK = "message-search-backfill";
    private static final int BATCH = 500;

    private final ChatMessageRepository messages;
    private final MessageSearchIndex index;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    MessageSearchBackfill(
            ChatMessageRepository messages,
            MessageSearchIndex index,
            JdbcTemplate jdbc,
            org.springframework.transaction.PlatformTransactionManager transactions) {
        this.messages = messages;
        this.index = index;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
    }

    @Scheduled(
            initialDelayString = "${parley.search.backfill-every:PT5S}",
            fixedDelayString = "${parley.search.backfill-every:PT5S}")
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT10M")
    public void run() {
        TermIndexes.workFor(Duration.ofSeconds(3), this::indexNextBatch);
    }

    /** Indexes the next older batch; false when everything is indexed. */
    public boolean indexNextBatch() {
        Boolean more = tx.execute(status -> {
            Long below = jdbc.queryForObject(
                    "select done_below from message_search_backfill where id = 1 for update", Long.class);
            if (below == null || below <= 1) {
                return false;
            }
            List<ChatMessage> batch = messages.findByIdLessThanOrderByIdDesc(below, Limit.of(BATCH));
            if (batch.isEmpty()) {
                jdbc.update("update message_search_backfill set done_below = 0 where id = 1");
                return false;
            }
            index.replace(batch);
            jdbc.update(
                    "update message_search_backfill set done_below = ? where id = 1",
                    batch.getLast().getId());
            return true;
        });
        return Boolean.TRUE.equals(more);
    }
}
