package org.parley.chat.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.parley.base.service.UserFacingException;
import org.parley.base.ui.Words;
import org.parley.chat.service.ConversationDetails;
import org.parley.chat.service.ConversationOverview;

/**
 * Whether the open conversation may still be read and written, as the service says: the header, the notice above the
 * composer ("You are muted … until …", "no longer friends") and whether the composer takes anything. Asked again
 * when something may have changed it, and when a mute ends by itself.
 */
class ConversationAccess extends Div {

    private final ConversationOverview overview;
    private final ConversationHeader header;
    private final Composer composer;
    private final MessageTimeline timeline;
    private final Clock clock;
    private Long conversationId;
    private boolean temporary;

    ConversationAccess(
            ConversationOverview overview,
            ConversationHeader header,
            Composer composer,
            MessageTimeline timeline,
            Clock clock) {
        this.overview = overview;
        this.header = header;
        this.composer = composer;
        this.timeline = timeline;
        this.clock = clock;
        addClassName("send-notice");
        setTestId("send-notice");
    }

    /** Shows what the service said of the conversation just opened (or asked again). */
    void show(ConversationDetails details) {
        conversationId = details.id();
        temporary = details.isTemporary();
        header.show(details);
        setText(details.canSend() ? "" : Words.of(details.cannotSendReason()));
        setVisible(!details.canSend());
        composer.allowSending(details.canSend());
        if (details.canSendAgainAt() != null) {
            recheckAt(details.canSendAgainAt());
        }
    }

    /** No conversation is open. */
    void clear() {
        conversationId = null;
        temporary = false;
    }

    /** The open conversation is a temporary one: any change in a shared group may end or revive it. */
    boolean isTemporary() {
        return temporary;
    }

    /** Re-reads whether the open conversation may still be read and written (removed, muted, unfriended). */
    void recheck() {
        if (conversationId == null) {
            return;
        }
        try {
            show(overview.details(conversationId));
        } catch (UserFacingException noLongerYours) {
            setText(getTranslation("chat.access.no-longer-in"));
            setVisible(true);
            composer.allowSending(false);
            timeline.stopPaging();
        }
    }

    /** A mute that ends by itself re-enables the composer when it ends, without a reload. */
    private void recheckAt(Instant at) {
        UI ui = UI.getCurrent();
        long mutedIn = conversationId;
        long delayMillis = Math.max(0, Duration.between(clock.instant(), at).toMillis()) + 500;
        CompletableFuture.delayedExecutor(delayMillis, TimeUnit.MILLISECONDS)
                .execute(() -> ui.access(() -> {
                    if (conversationId != null && conversationId == mutedIn) {
                        recheck();
                    }
                }));
    }
}
