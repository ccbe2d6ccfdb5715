package org.parley.chat.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.parley.support.TestUsers.run;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.internal.JacksonUtils;
import com.vaadin.flow.internal.nodefeature.ElementListenerMap;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.account.service.UserSummary;
import org.parley.base.service.UserEvent;
import org.parley.chat.service.ChatService;
import org.parley.chat.service.ConversationRead;
import org.parley.support.BrowserlessUiTest;
import org.parley.support.HeardEvents;
import org.parley.support.Scenarios;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An open conversation marks itself read without a transaction per incoming message: messages that arrive
 * together are read together, at most about once a second; a hidden tab reads nothing, and coming back into
 * view reads what arrived meanwhile. Its badges never flicker up while it is being read.
 */
class ReadTrackerTest extends BrowserlessUiTest {

    @Autowired
    ChatService chat;

    @Autowired
    Scenarios scenarios;

    @Autowired
    HeardEvents heardEvents;

    @AfterEach
    void stopListening() {
        heardEvents.close();
    }

    @Test
    void messages_arriving_in_the_open_conversation_are_read_together_within_a_second() throws Exception {
        UserSummary alice = users.create("alice");
        UserSummary bob = users.create("bob");
        long conversation = scenarios.friendsWithConversation(alice, bob);
        try (BrowserlessUIContext bobWindow = windowOf(bob)) {
            bobWindow.navigate("chat/" + conversation, ChatView.class);
            List<UserEvent> bobHeard = heardEvents.listen(bob);

            for (int i = 1; i <= 5; i++) {
                int n = i;
                run(alice, () -> chat.send(conversation, "news " + n));
            }
            push(bobWindow);

            assertThat(badge(bobWindow, "nav-unread"))
                    .as("being read: no badge")
                    .isEmpty();
            assertThat(reads(bobHeard)).as("no read per message").isZero();
            Thread.sleep(ReadTracker.GATHER_MILLIS + 200);
            push(bobWindow);

            await().atMost(Duration.ofSeconds(5)).until(() -> reads(bobHeard) >= 1);
            assertThat(reads(bobHeard)).as("one read for all five").isEqualTo(1);
            assertThat(scenarios.unreadIn(bob, conversation)).isZero();
            assertThat(badge(bobWindow, "nav-unread")).isEmpty();
        }
    }

    @Test
    void a_hidden_tab_leaves_messages_unread_until_it_comes_back_into_view() throws Exception {
        UserSummary alice = users.create("alice");
        UserSummary bob = users.create("bob");
        long conversation = scenarios.friendsWithConversation(alice, bob);
        try (BrowserlessUIContext bobWindow = windowOf(bob)) {
            bobWindow.navigate("chat/" + conversation, ChatView.class);
            visibility(bobWindow, "HIDDEN");

            run(alice, () -> chat.send(conversation, "are you there?"));
            run(alice, () -> chat.send(conversation, "hello?"));
            push(bobWindow);
            Thread.sleep(ReadTracker.GATHER_MILLIS + 200);
            push(bobWindow);

            assertThat(scenarios.unreadIn(bob, conversation))
                    .as("nobody looked")
                    .isEqualTo(2);
            assertThat(badge(bobWindow, "nav-unread")).contains("2");
            assertThat(badge(bobWindow, "unread-" + alice.username())).contains("2");

            visibility(bobWindow, "VISIBLE");
            push(bobWindow);

            assertThat(scenarios.unreadIn(bob, conversation))
                    .as("read once seen")
                    .isZero();
            assertThat(badge(bobWindow, "nav-unread")).isEmpty();
            assertThat(badge(bobWindow, "unread-" + alice.username())).isEmpty();
        }
    }

    private static long reads(List<UserEvent> heard) {
        return heard.stream().filter(ConversationRead.class::isInstance).count();
    }

    /** What the browser reports when the tab is hidden or shown again (Vaadin's page visibility event). */
    private static void visibility(BrowserlessUIContext window, String state) {
        window.activate();
        var ui = window.getUI();
        var data = JacksonUtils.createObjectNode();
        data.put("event.detail", state);
        data.put("for", "trailing"); // the listener is debounced: the browser sends the trailing event
        ui.getElement()
                .getNode()
                .getFeature(ElementListenerMap.class)
                .fireEvent(new DomEvent(ui.getElement(), "vaadin-page-visibility-change", data));
        window.roundTrip();
        assertThat(ui.getPage().pageVisibilitySignal().peek()).hasToString(state);
    }
}
