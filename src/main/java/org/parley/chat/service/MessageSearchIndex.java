package org.parley.chat.service;

import java.util.Arrays;
import java.util.List;
import org.parley.base.service.TextRules;
import org.parley.chat.domain.ChatMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the search terms of each message ({@link SearchTerms}) in message_term, inside the transaction that stores,
 * edits or takes back the message: what is searchable is exactly what is stored. One statement per message,
 * whatever its number of terms; nothing per member.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class MessageSearchIndex {

    private final JdbcTemplate jdbc;

    MessageSearchIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Indexes a person's text message; system lines, files, pictures and taken-back messages have no words. */
    void add(ChatMessage message) {
        add(List.of(message));
    }

    /** Indexes several messages (the backfill) in one statement per batch of terms. */
    void add(List<ChatMessage> messages) {
        List<Object[]> rows = new java.util.ArrayList<>();
        for (ChatMessage message : messages) {
            if (message.getKind() != ChatMessage.Kind.USER
                    || message.isRecalled()
                    || message.getBody().isEmpty()) {
                continue;
            }
            long[] terms = SearchTerms.ofText(message.getBody()).stream()
                    .mapToLong(TextRules::termHash)
                    .distinct()
                    .toArray();
            Arrays.stream(terms)
                    .forEach(term -> rows.add(new Object[] {term, message.getId(), message.getConversationId()}));
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("insert into message_term (term, message_id, conversation_id) values (?, ?, ?)", rows);
        }
    }

    /** Indexes these messages afresh, whatever of them was indexed before (the backfill may meet such). */
    void replace(List<ChatMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        jdbc.update(
                "delete from message_term where message_id between ? and ?",
                messages.stream().mapToLong(ChatMessage::getId).min().orElseThrow(),
                messages.stream().mapToLong(ChatMessage::getId).max().orElseThrow());
        add(messages);
    }

    /** The message's text is gone (recalled, removed) or about to change (edited): so are its terms. */
    void remove(long messageId) {
        jdbc.update("delete from message_term where message_id = ?", messageId);
    }
}
