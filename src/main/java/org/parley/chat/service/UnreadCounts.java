package org.parley.chat.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.parley.base.service.UserEvent;
import org.parley.chat.domain.ReadPosition;

/**
 * One tab's unread counts: read once ({@link ReadMarkers#unreadCounts()}), then kept up to date in memory by
 * the live events, so a message costs no query per member and tab. A conversation's unread count is the
 * messages counted in it minus those its reader had read; a message raises the first (and, for its sender,
 * both: sending is reading), a read raises the second. Updates only ever take the larger number, so an event
 * seen twice, or after a reload that already holds it, changes nothing.
 * <p>
 * The conversation a tab is showing to its reader right now counts as read: the tab marks it read within a
 * second (see {@link ReadMarkers#markRead}), and its badge must not flicker up meanwhile.
 * Not thread-safe: a tab uses it under its own lock.
 */
public final class UnreadCounts {

    /** What an event did to the counts. */
    public enum Change {
        /** Nothing this tab shows changed. */
        NONE,
        /** Some count changed. */
        CHANGED,
        /** A conversation these counts do not know (just joined, or new): read them again. */
        UNKNOWN_CONVERSATION
    }

    private static final class Position {
        long messageCount;
        long readCount;
        /** The newest message this tab knows of (0: none): what reading now would read up to. */
        long lastMessageId;

        Position(long messageCount, long readCount, Long lastMessageId) {
            this.messageCount = messageCount;
            this.readCount = readCount;
            this.lastMessageId = lastMessageId == null ? 0 : lastMessageId;
        }
    }

    private final long viewer;
    private final Map<Long, Position> positions = new HashMap<>();
    private Long beingRead;

    UnreadCounts(long viewer, List<ReadPosition> loaded) {
        this.viewer = viewer;
        replace(loaded);
    }

    boolean isOf(long userId) {
        return viewer == userId;
    }

    /** Takes freshly read positions in place of all it knew (what is being read stays). */
    void replace(List<ReadPosition> loaded) {
        positions.clear();
        for (ReadPosition position : loaded) {
            positions.put(
                    position.conversationId(),
                    new Position(position.messageCount(), position.readCount(), position.lastMessageId()));
        }
    }

    /** Follows a live event of the viewer's. */
    public Change apply(UserEvent event) {
        return switch (event) {
            case MessagePosted posted -> posted(posted);
            case ConversationRead read when read.userId() == viewer -> read(read);
            default -> Change.NONE;
        };
    }

    private Change posted(MessagePosted posted) {
        ChatMessageView message = posted.message();
        Position position = positions.get(message.conversationId());
        if (position == null) {
            return Change.UNKNOWN_CONVERSATION;
        }
        long before = unread(message.conversationId());
        position.messageCount = Math.max(position.messageCount, posted.messageCount());
        position.lastMessageId = Math.max(position.lastMessageId, message.id());
        if (message.sender().id() == viewer && !message.system()) {
            position.readCount = Math.max(position.readCount, posted.messageCount());
        }
        return before == unread(message.conversationId()) ? Change.NONE : Change.CHANGED;
    }

    private Change read(ConversationRead read) {
        Position position = positions.get(read.conversationId());
        if (position == null || position.readCount >= read.readCount()) {
            return Change.NONE;
        }
        long before = unread(read.conversationId());
        position.readCount = read.readCount();
        return before == unread(read.conversationId()) ? Change.NONE : Change.CHANGED;
    }

    /** Unread messages in a conversation, as the viewer should see them now. */
    public long unread(long conversationId) {
        if (Objects.equals(beingRead, conversationId)) {
            return 0;
        }
        Position position = positions.get(conversationId);
        return position == null ? 0 : Math.max(0, position.messageCount - position.readCount);
    }

    /** Unread messages in all the viewer's conversations. */
    public long total() {
        long total = 0;
        for (Long conversationId : positions.keySet()) {
            total += unread(conversationId);
        }
        return total;
    }

    /**
     * The tab now shows {@code conversationId} to its reader (null: none, or the tab is hidden): it counts as
     * read. Returns whether that changed anything.
     */
    public boolean beingRead(Long conversationId) {
        if (Objects.equals(beingRead, conversationId)) {
            return false;
        }
        beingRead = conversationId;
        return true;
    }

    /** Whether the stored read marker is behind what this tab has shown: marking it read would change something. */
    public boolean behind(long conversationId) {
        Position position = positions.get(conversationId);
        return position != null && position.readCount < position.messageCount;
    }

    /** The tab read the conversation up to {@code count} counted messages (its write follows). */
    void readUpTo(long conversationId, long count) {
        Position position = positions.get(conversationId);
        if (position != null) {
            position.readCount = Math.max(position.readCount, count);
        }
    }

    /** How far this tab has seen a conversation: {count of counted messages, newest message id}; null: unknown. */
    long[] seen(long conversationId) {
        Position position = positions.get(conversationId);
        return position == null ? null : new long[] {position.messageCount, position.lastMessageId};
    }
}
