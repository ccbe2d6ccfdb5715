package org.parley.chat.service;

import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.parley.chat.domain.Conversation;
import org.parley.chat.domain.ConversationMemberRepository;
import org.parley.chat.domain.ConversationRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes read markers in batches: everyone who read something in the last moment, in one transaction (one query
 * for the conversations, one for who is in them, one batched update), instead of a transaction per reader. When a
 * message reaches a group of a thousand who are all looking, their thousand reads cost the database about what one
 * does. A read waits at most {@link #FLUSH_MILLIS} to be written; one still waiting when the server dies is lost,
 * and its messages show as unread again (nothing else is).
 */
@Component
class ReadMarkerWriter {

    /** How long a read may wait for others to be written with it. */
    static final long FLUSH_MILLIS = 200;

    private static final Logger log = LoggerFactory.getLogger(ReadMarkerWriter.class);

    /** A reader's request: mark {@code conversationId} read up to {@code count} counted messages and message id. */
    record Request(long conversationId, long userId, long count, long messageId) {

        Request furthest(Request other) {
            return new Request(
                    conversationId, userId, Math.max(count, other.count), Math.max(messageId, other.messageId));
        }
    }

    private record Key(long conversationId, long userId) {}

    private final ConversationRepository conversations;
    private final ConversationMemberRepository members;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final ReadReceipts receipts;
    private final Map<Key, Request> pending = new ConcurrentHashMap<>();
    /** Readers whose reads the flush under way has taken from {@link #pending} and not yet committed. */
    private final Set<Long> writing = ConcurrentHashMap.newKeySet();

    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("read-markers").factory());

    ReadMarkerWriter(
            ConversationRepository conversations,
            ConversationMemberRepository members,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            ApplicationEventPublisher events,
            ReadReceipts receipts) {
        this.conversations = conversations;
        this.members = members;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        // Its own transaction, also when a reader's look at their counts (read-only) flushes first.
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.events = events;
        this.receipts = receipts;
    }

    /** Takes a read to be written with the others within {@link #FLUSH_MILLIS}. */
    void request(Request read) {
        pending.merge(new Key(read.conversationId(), read.userId()), read, Request::furthest);
        if (scheduled.compareAndSet(false, true)) {
            timer.schedule(this::flushQuietly, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Whether {@code userId} has reads not written yet: waiting, or taken by a flush not yet committed (then a
     * {@link #flush()} waits for it). Looks at {@link #pending} first: a flush marks a reader as writing before it
     * takes their read from there, so a read is always found in one place or the other until it is committed.
     */
    boolean hasPending(long userId) {
        return pending.keySet().stream().anyMatch(key -> key.userId() == userId) || writing.contains(userId);
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException failed) {
            log.warn("Read markers could not be written", failed);
        }
    }

    /**
     * Writes every read waiting now, in one transaction, and tells each reader's tabs after the commit (and, where
     * read receipts pass, the other person of a one-on-one conversation). Only a
     * member's own marker moves, never back, never past what the conversation holds; a read of a conversation the
     * reader is not in changes nothing and tells nobody anything.
     */
    @PreDestroy
    synchronized void flush() {
        scheduled.set(false);
        List<Request> reads = new ArrayList<>();
        for (Key key : List.copyOf(pending.keySet())) {
            writing.add(key.userId());
            Request read = pending.remove(key);
            if (read != null) {
                reads.add(read);
            }
        }
        try {
            if (!reads.isEmpty()) {
                transaction.executeWithoutResult(status -> write(reads));
            }
        } finally {
            writing.clear();
        }
    }

    private void write(List<Request> reads) {
        Set<Long> conversationIds = new HashSet<>();
        Set<Long> userIds = new HashSet<>();
        reads.forEach(read -> {
            conversationIds.add(read.conversationId());
            userIds.add(read.userId());
        });
        Map<Long, Object[]> ends = new HashMap<>();
        for (Object[] end : conversations.findEnds(conversationIds)) {
            ends.put((Long) end[0], end);
        }
        Map<Key, Long> readCounts = new HashMap<>();
        for (Object[] member : members.findPairs(conversationIds, userIds)) {
            readCounts.put(new Key((Long) member[0], (Long) member[1]), (Long) member[2]);
        }
        List<Object[]> updates = new ArrayList<>();
        List<ConversationRead> told = new ArrayList<>();
        List<ReadReceipts.Read> seen = new ArrayList<>();
        for (Request read : reads) {
            Object[] end = ends.get(read.conversationId());
            Long readBefore = readCounts.get(new Key(read.conversationId(), read.userId()));
            long count = end == null ? 0 : Math.min(read.count(), (Long) end[1]);
            if (readBefore == null || count <= readBefore) {
                continue; // not a member, or nothing new to read
            }
            Long lastMessageId = (Long) end[2];
            long messageId = lastMessageId == null ? 0 : Math.min(read.messageId(), lastMessageId);
            updates.add(
                    new Object[] {count, messageId == 0 ? null : messageId, read.conversationId(), read.userId(), count
                    });
            told.add(new ConversationRead(read.conversationId(), read.userId(), count));
            if (messageId != 0 && end[3] != Conversation.Kind.GROUP) {
                seen.add(new ReadReceipts.Read(read.conversationId(), read.userId(), messageId));
            }
        }
        if (!updates.isEmpty()) {
            jdbc.batchUpdate(
                    "update conversation_member set read_count = ?, last_read_message_id = ?"
                            + " where conversation_id = ? and user_id = ? and read_count < ?",
                    updates);
            told.forEach(events::publishEvent);
            receipts.receiptsFor(seen).forEach(events::publishEvent);
        }
    }
}
