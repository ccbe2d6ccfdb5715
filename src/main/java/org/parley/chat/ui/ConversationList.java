package org.parley.chat.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.parley.base.ui.EmptyState;
import org.parley.base.ui.Words;
import org.parley.chat.service.ChatMessageView;
import org.parley.chat.service.ConversationSummary;
import org.parley.chat.service.UnreadCounts;

/**
 * The caller's conversations, newest activity first. Loaded whole when the page opens or membership changes;
 * after that each message moves and updates one row from what the event carries (no queries: every member of a
 * group gets every message), and unread badges follow the tab's {@link UnreadCounts}.
 */
class ConversationList extends Div {

    private final long me;
    private final Clock clock;
    private ZoneId zone = ZoneId.of("UTC");
    /** The conversations as shown, newest activity first, and each one's row. */
    private final List<ConversationSummary> listed = new ArrayList<>();

    private final Map<Long, ConversationRow> rows = new HashMap<>();
    private Long selected;
    private final Runnable search;

    /** {@code search} opens message search (the button beside the list's title). */
    ConversationList(long me, Clock clock, Runnable search) {
        this.me = me;
        this.search = search;
        this.clock = clock;
        addClassName("conversation-list");
        setTestId("conversation-list");
    }

    /** Shows these conversations (from the service) with the tab's unread counts. */
    void show(List<ConversationSummary> conversations, UnreadCounts unread) {
        listed.clear();
        // The tab may have read a conversation before the database has its new read marker (written in batches).
        conversations.forEach(c -> listed.add(unread.unread(c.id()) == 0 ? c.mentionRead() : c));
        rows.clear();
        removeAll();
        H3 title = new H3(getTranslation("navigation.chats"));
        Button searchButton = new Button(VaadinIcon.SEARCH.create(), click -> search.run());
        searchButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        searchButton.setAriaLabel(getTranslation("chat.search.title"));
        searchButton.setTooltipText(getTranslation("chat.search.title"));
        searchButton.setTestId("message-search-open");
        Div heading = new Div(title, searchButton);
        heading.addClassName("conversation-list-title");
        add(heading);
        if (conversations.isEmpty()) {
            add(new EmptyState(
                    VaadinIcon.COMMENTS_O,
                    getTranslation("chat.list.empty"),
                    getTranslation("chat.list.empty-detail")));
        }
        for (ConversationSummary conversation : listed) {
            ConversationRow row = new ConversationRow(
                    conversation,
                    unread.unread(conversation.id()),
                    Objects.equals(selected, conversation.id()),
                    zone,
                    clock);
            rows.put(conversation.id(), row);
            add(row);
        }
    }

    /** Times are shown in the reader's zone, once the browser has said which. */
    void zone(ZoneId zone) {
        this.zone = zone;
        listed.forEach(conversation -> rows.get(conversation.id()).show(conversation, zone, clock));
    }

    void select(Long conversationId) {
        selected = conversationId;
        rows.forEach((id, row) -> row.setSelected(id.equals(conversationId)));
    }

    /**
     * Moves the message's conversation to the top with the new preview. Returns false for a conversation the
     * list does not have yet (new, or just joined): the caller loads the list again.
     */
    boolean messagePosted(ChatMessageView message) {
        int index = listedIndex(message.conversationId());
        if (index < 0) {
            return false;
        }
        ConversationSummary current = listed.get(index);
        ConversationSummary updated = current.after(message, me);
        if (updated == current) {
            return true;
        }
        ConversationRow row = rows.get(updated.id());
        row.show(updated, zone, clock);
        listed.set(index, updated);
        if (index > 0) {
            listed.remove(index);
            listed.addFirst(updated);
            // Index 0 is the list's title.
            addComponentAtIndex(1, row);
        }
        return true;
    }

    /** A message was recalled, removed or edited: its conversation's row shows it if it is the newest there. */
    void messageChanged(ChatMessageView message) {
        int index = listedIndex(message.conversationId());
        if (index >= 0) {
            ConversationSummary updated = listed.get(index).changed(message);
            if (updated != listed.get(index)) {
                rows.get(updated.id()).show(updated, zone, clock);
                listed.set(index, updated);
            }
        }
    }

    /**
     * Brings every badge in line with the tab's counts; only those that differ change. A conversation read to the
     * end has no unread mention left either.
     */
    void showUnread(UnreadCounts unread) {
        for (int i = 0; i < listed.size(); i++) {
            ConversationSummary conversation = listed.get(i);
            long count = unread.unread(conversation.id());
            if (count == 0 && conversation.unreadMention()) {
                conversation = conversation.mentionRead();
                listed.set(i, conversation);
                rows.get(conversation.id()).show(conversation, zone, clock);
            }
            rows.get(conversation.id()).showUnread(count);
        }
    }

    /** The title of a listed conversation (its partner's or group's name), or null. */
    String titleOf(long conversationId) {
        int index = listedIndex(conversationId);
        return index < 0 ? null : Words.of(listed.get(index).title());
    }

    /** The zone times are shown in. */
    ZoneId zone() {
        return zone;
    }

    private int listedIndex(long conversationId) {
        for (int i = 0; i < listed.size(); i++) {
            if (listed.get(i).id() == conversationId) {
                return i;
            }
        }
        return -1;
    }
}
