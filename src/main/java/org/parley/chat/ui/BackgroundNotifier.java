package org.parley.chat.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteParameters;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.parley.base.service.NotAllowedException;
import org.parley.base.ui.Words;
import org.parley.chat.service.ChatMessageView;
import org.parley.chat.service.ConversationNotifications;
import org.parley.chat.service.ConversationOverview;
import org.parley.chat.service.MessagePosted;
import org.parley.chat.service.NotificationsMuted;

/**
 * Browser notifications for one tab: a message that reaches it while the tab is hidden or unfocused shows as a
 * notification (with a short sound, if chosen); clicking it brings the tab to that conversation. The browser's
 * choices (on, sound) are kept in its localStorage per person; the tab tells the server when it goes to the
 * background and whether notifications are on, so a tab in front costs nothing per message. Which messages notify
 * is {@link ConversationNotifications#notifies}: not one's own, not in a muted conversation unless it mentions one.
 * Several tabs of one browser show a message once (the notification's tag, and the last tag shown). The page's
 * side is parley.notifier in scripts/parley.js.
 */
public final class BackgroundNotifier {

    private final Component host;
    private final ConversationNotifications notifications;
    private final ConversationOverview overview;
    private final long me;
    private final Map<Long, Optional<String>> groupTitles = new HashMap<>();
    private boolean background;
    private boolean enabled;
    /** The conversations muted for notifications; read when notifications are first on in this tab. */
    private Set<Long> muted;

    /** Notifies through {@code host}'s element (the main layout: every page of the tab). */
    public BackgroundNotifier(
            Component host, ConversationNotifications notifications, ConversationOverview overview, long me) {
        this.host = host;
        this.notifications = notifications;
        this.overview = overview;
        this.me = me;
        host.getElement()
                .addEventListener("parley-attention", event -> {
                    background =
                            event.getEventData().path("event.detail.background").asBoolean(false);
                    enabled = event.getEventData().path("event.detail.enabled").asBoolean(false);
                })
                .addEventData("event.detail.background")
                .addEventData("event.detail.enabled");
        host.getElement()
                .addEventListener("parley-open-conversation", event -> {
                    String conversation = event.getEventData()
                            .path("event.detail.conversation")
                            .asString("");
                    if (conversation.matches("\\d{1,18}")) {
                        UI.getCurrent().navigate(ChatView.class, new RouteParameters("conversationId", conversation));
                    }
                })
                .addEventData("event.detail.conversation");
        host.addAttachListener(attach -> host.getElement().executeJs("parley.notifier(this, $0)", settingsKey(me)));
    }

    /** Where a browser keeps this person's notification choices. */
    static String settingsKey(long userId) {
        return "parley.notify." + userId;
    }

    /** A message reached the tab: a notification if the tab is in the background and it notifies its reader. */
    public void posted(MessagePosted posted) {
        if (!background || !enabled) {
            return;
        }
        if (muted == null) {
            muted = new HashSet<>(notifications.mutedConversations());
        }
        ChatMessageView message = posted.message();
        if (!ConversationNotifications.notifies(message, me, muted)) {
            return;
        }
        String sender = Words.of(message.sender().shownName());
        // Once per conversation and tab, and only in a tab that notifies: the group's name, or none (one-on-one).
        String group;
        try {
            group = groupTitles
                    .computeIfAbsent(
                            message.conversationId(), id -> Optional.ofNullable(overview.notificationTitle(id)))
                    .orElse(null);
        } catch (NotAllowedException removedJustNow) {
            return; // no longer a member (removed as the message arrived): nothing to tell
        }
        String title = group == null ? sender : group;
        String preview = Words.of(message.preview());
        String body = group == null ? preview : host.getTranslation("chat.notifications.body", sender, preview);
        host.getElement()
                .executeJs(
                        "this.parleyNotify && this.parleyNotify.show($0, $1, $2, $3)",
                        "parley-message-" + message.id(),
                        title,
                        body,
                        String.valueOf(message.conversationId()));
    }

    /** Groups changed (a rename, say): their names are read again when they next notify. */
    public void groupsChanged() {
        groupTitles.clear();
    }

    /** The reader muted or unmuted a conversation (here or in another tab). */
    public void mutedChanged(NotificationsMuted changed) {
        if (muted != null) {
            if (changed.muted()) {
                muted.add(changed.conversationId());
            } else {
                muted.remove(changed.conversationId());
            }
        }
    }
}
