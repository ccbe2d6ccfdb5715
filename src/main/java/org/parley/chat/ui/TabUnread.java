package org.parley.chat.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.List;
import org.parley.base.service.UserEvent;
import org.parley.chat.service.ReadMarkers;
import org.parley.chat.service.UnreadCounts;

/**
 * The unread counts of one browser tab, shared by everything in it that shows them (the navigation badge, the
 * conversation list): read from the database once, then kept by the live events, in memory. The main layout
 * feeds it every event; views ask it, and are told when the counts may have changed.
 */
public final class TabUnread {

    private final ReadMarkers readMarkers;
    private final UnreadCounts counts;
    private final List<Runnable> renderers = new ArrayList<>();

    private TabUnread(ReadMarkers readMarkers) {
        this.readMarkers = readMarkers;
        this.counts = readMarkers.unreadCounts();
    }

    /** The tab's counts, read on first use. */
    public static TabUnread of(UI ui, ReadMarkers readMarkers) {
        TabUnread tab = ComponentUtil.getData(ui, TabUnread.class);
        if (tab == null) {
            tab = new TabUnread(readMarkers);
            ComponentUtil.setData(ui, TabUnread.class, tab);
        }
        return tab;
    }

    public UnreadCounts counts() {
        return counts;
    }

    /** Follows a live event; a message in a conversation it does not know yet (just joined) reads them again. */
    public void apply(UserEvent event) {
        UnreadCounts.Change change = counts.apply(event);
        if (change == UnreadCounts.Change.UNKNOWN_CONVERSATION) {
            readMarkers.reload(counts);
        }
        if (change != UnreadCounts.Change.NONE) {
            rendered();
        }
    }

    /** Reads the counts again (memberships changed: joined, left, removed). */
    public void reload() {
        readMarkers.reload(counts);
        rendered();
    }

    /** The tab shows this conversation to its reader now (null: none, or the tab is hidden). */
    void beingRead(Long conversationId) {
        if (counts.beingRead(conversationId)) {
            rendered();
        }
    }

    /** The tab's reader read the conversation (as far as the tab has shown it): its badges go at once. */
    void markRead(long conversationId) {
        if (counts.behind(conversationId)) {
            readMarkers.markRead(conversationId, counts);
            rendered();
        }
    }

    /** Runs {@code renderer} whenever the counts may have changed; it shows only what differs. */
    public Registration onChange(Runnable renderer) {
        renderers.add(renderer);
        return () -> renderers.remove(renderer);
    }

    private void rendered() {
        List.copyOf(renderers).forEach(Runnable::run);
    }
}
