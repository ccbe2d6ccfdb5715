package org.parley.chat.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.html.Div;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.parley.base.service.LiveEvents;
import org.parley.base.ui.LiveUpdates;
import org.parley.base.ui.Words;
import org.parley.chat.service.ChatMessageView;
import org.parley.chat.service.SomeoneTyping;
import org.parley.chat.service.TypingService;

/**
 * "Anna is typing…" under the open conversation: who of its other members is writing now. A typist stays shown for
 * {@link TypingService#SHOWN_FOR} after their last notice, and goes at once when their message arrives.
 */
class TypingIndicator extends Div {

    private record Typist(String name, Instant until) {}

    private final Clock clock;
    private final Map<Long, Typist> typists = new LinkedHashMap<>();
    /** Volatile: read on the publishing thread, so that only the tabs showing the conversation are woken. */
    private volatile Long conversationId;

    TypingIndicator(Clock clock, LiveEvents liveEvents, long me) {
        this.clock = clock;
        addClassName("typing-indicator");
        setTestId("typing-indicator");
        LiveUpdates.bind(
                this,
                liveEvents,
                me,
                event -> event instanceof SomeoneTyping typing && shows(typing.conversationId()),
                event -> someoneTyping((SomeoneTyping) event));
    }

    private boolean shows(long conversationId) {
        Long shown = this.conversationId;
        return shown != null && shown == conversationId;
    }

    /** Shows who types in this conversation from now on (null: none open). */
    void open(Long conversationId) {
        this.conversationId = conversationId;
        typists.clear();
        render();
    }

    private void someoneTyping(SomeoneTyping typing) {
        if (!shows(typing.conversationId())) {
            return; // another conversation was opened since the tab was woken for it
        }
        typists.remove(typing.typist().id()); // the latest typist is named last
        typists.put(
                typing.typist().id(),
                new Typist(
                        Words.of(typing.typist().shownName()), clock.instant().plus(TypingService.SHOWN_FOR)));
        render();
        UI ui = UI.getCurrent();
        CompletableFuture.delayedExecutor(TypingService.SHOWN_FOR.toMillis() + 100, TimeUnit.MILLISECONDS)
                .execute(() -> {
                    try {
                        ui.access(this::forgetTheSilent);
                    } catch (UIDetachedException closed) {
                        // The tab has gone: nothing to update.
                    }
                });
    }

    /** A message arrived: its sender has stopped typing. */
    void messageArrived(ChatMessageView message) {
        if (message.sender() != null && typists.remove(message.sender().id()) != null) {
            render();
        }
    }

    private void forgetTheSilent() {
        Instant now = clock.instant();
        if (typists.values().removeIf(typist -> !typist.until().isAfter(now))) {
            render();
        }
    }

    private void render() {
        List<String> names = typists.values().stream().map(Typist::name).toList();
        setText(
                switch (names.size()) {
                    case 0 -> "";
                    case 1 -> getTranslation("chat.typing.one", names.getFirst());
                    case 2 -> getTranslation("chat.typing.two", names.get(0), names.get(1));
                    default -> getTranslation("chat.typing.many", names.size());
                });
        getElement().setAttribute("data-typists", String.valueOf(names.size()));
    }
}
