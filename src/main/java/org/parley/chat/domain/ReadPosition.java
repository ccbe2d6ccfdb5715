package org.parley.chat.domain;

/**
 * How far one member has read a conversation: {@code readCount} of its {@code messageCount} counted messages;
 * {@code lastMessageId} is its newest message (null: none yet).
 */
public record ReadPosition(long conversationId, long readCount, long messageCount, Long lastMessageId) {

    /** Messages counted since the member last read (never negative). */
    public long unread() {
        return Math.max(0, messageCount - readCount);
    }
}
