package org.parley.chat.ui;

import com.vaadin.flow.component.messages.MessageListItem;
import java.util.NavigableMap;
import java.util.TreeSet;

/**
 * "Seen" under the newest of the reader's own shown messages that the other person of a one-on-one conversation
 * has read, and only there. Knows how far they have read (null: no receipts pass in the open conversation).
 */
final class SeenMark {

    /** The shown messages that are the reader's own. */
    private final TreeSet<Long> own = new TreeSet<>();
    /** A message id (0: nothing read yet); null: no receipts here. Volatile: read on the publishing thread. */
    private volatile Long upTo;

    private MessageListItem marked;

    /** A conversation was opened: receipts pass there up to {@code upTo}, or not at all (null). */
    void reset(Long upTo) {
        own.clear();
        marked = null;
        this.upTo = upTo;
    }

    /** Whether receipts pass in the open conversation (safe to ask from any thread). */
    boolean receiptsPass() {
        return upTo != null;
    }

    /** Whether the shown message {@code messageId} is the reader's own (a recalled one is no longer). */
    void own(long messageId, boolean own) {
        if (own) {
            this.own.add(messageId);
        } else {
            this.own.remove(messageId);
        }
    }

    /** They have read up to {@code messageId} (a receipt, or a message of theirs: writing is reading). */
    void readUpTo(long messageId) {
        Long before = upTo;
        if (before != null && messageId > before) {
            upTo = messageId;
        }
    }

    /** {@code replaced} is no longer shown (a new item took its place): a mark on it is made again. */
    void replaced(MessageListItem replaced) {
        if (replaced == marked) {
            marked = null;
        }
    }

    /** Puts the mark where it belongs among the {@code shown} items, moving it if needed. */
    void apply(NavigableMap<Long, MessageListItem> shown) {
        Long limit = upTo;
        Long newestSeen = limit == null ? null : own.floor(limit);
        MessageListItem item = newestSeen == null ? null : shown.get(newestSeen);
        if (item != marked) {
            if (marked != null) {
                marked.removeClassNames("seen");
            }
            if (item != null) {
                item.addClassNames("seen");
            }
            marked = item;
        }
    }
}
