package org.parley.chat.ui;

import com.vaadin.flow.component.messages.MessageList;
import com.vaadin.flow.component.messages.MessageListItem;
import com.vaadin.flow.internal.JacksonUtils;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;

/**
 * Vaadin's message list, able to put a page of older messages in front without sending the whole list again:
 * {@link MessageList#setItems} re-sends every item, which grows with each page the reader scrolls back through.
 * Vaadin has no public way to prepend, so {@link #prepend} adds the items to the list's own (private) item list, as
 * {@code setItems} would, and sends only them to the page (parley.js's {@code parleyPrepend}). If a Vaadin update
 * renames what this reaches for, the list fails on construction, not quietly (ChatMessageListTest).
 */
class ChatMessageList extends MessageList {

    private static final Field ITEMS;
    private static final Method SET_HOST;
    private static final Field CLIENT_TEXT;

    static {
        try {
            ITEMS = MessageList.class.getDeclaredField("items");
            ITEMS.setAccessible(true);
            SET_HOST = MessageListItem.class.getDeclaredMethod("setHost", MessageList.class);
            SET_HOST.setAccessible(true);
            CLIENT_TEXT = MessageListItem.class.getDeclaredField("clientText");
            CLIENT_TEXT.setAccessible(true);
        } catch (ReflectiveOperationException changedInVaadin) {
            throw new ExceptionInInitializerError(changedInVaadin);
        }
    }

    /** Puts {@code older} (oldest first) in front of the shown items; the page keeps the reader's place. */
    @SuppressWarnings("unchecked")
    void prepend(List<MessageListItem> older) {
        if (older.isEmpty()) {
            return;
        }
        try {
            for (MessageListItem item : older) {
                SET_HOST.invoke(item, this); // later changes to the item reach the page, as for any item
                CLIENT_TEXT.set(item, item.getText()); // the page has its text: no text update for it later
            }
            ((List<MessageListItem>) ITEMS.get(this)).addAll(0, older);
        } catch (ReflectiveOperationException changedInVaadin) {
            throw new IllegalStateException(changedInVaadin);
        }
        getElement()
                .executeJs(
                        "window.Vaadin.Flow.messageListConnector.parleyPrepend(this, $0)",
                        JacksonUtils.listToJson(older));
    }
}
