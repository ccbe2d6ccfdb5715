package org.parley.chat.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.parley.base.service.UserFacingException;

/**
 * Marks the conversation a tab shows read, as far as the tab has shown it, without a read per incoming message:
 * at once when it is opened or the tab comes back into view, and otherwise at most once a second while messages
 * keep coming (one read then covers all of them). A hidden tab reads nothing: its messages stay unread until it
 * is seen. (The service writes everyone's reads together, see ReadMarkers.)
 */
final class ReadTracker {

    /** How long a visible tab gathers incoming messages before it marks them read in one go. */
    static final long GATHER_MILLIS = 1000;

    private final UI ui;
    private final TabUnread unread;
    private Long open;
    private boolean visible = true;
    private boolean scheduled;

    ReadTracker(UI ui, TabUnread unread) {
        this.ui = ui;
        this.unread = unread;
    }

    /**
     * The tab now shows this conversation (null: none); it is read at once if the tab is in view. What the
     * reader saw of the one they leave, before its read was due, is read now.
     */
    void open(Long conversationId) {
        if (!Objects.equals(open, conversationId)) {
            markNow();
        }
        open = conversationId;
        unread.beingRead(visible ? open : null);
        markNow();
    }

    /** The tab came into view, or left it. */
    void visible(boolean nowVisible) {
        if (visible == nowVisible) {
            return;
        }
        visible = nowVisible;
        unread.beingRead(visible ? open : null);
        markNow();
    }

    /** A message arrived (after the tab's counts took it in): the open conversation is read within a second. */
    void messageArrived(long conversationId) {
        if (!visible
                || scheduled
                || !Objects.equals(open, conversationId)
                || !unread.counts().behind(conversationId)) {
            return;
        }
        scheduled = true;
        CompletableFuture.delayedExecutor(GATHER_MILLIS, TimeUnit.MILLISECONDS).execute(() -> {
            try {
                ui.access(() -> {
                    scheduled = false;
                    markNow();
                });
            } catch (UIDetachedException closed) {
                // The tab is gone: nobody is reading.
            }
        });
    }

    private void markNow() {
        if (!visible || open == null) {
            return;
        }
        try {
            unread.markRead(open);
        } catch (UserFacingException noLongerMember) {
            // Signed out meanwhile: nobody is reading.
        }
    }
}
