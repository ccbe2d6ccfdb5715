package org.parley.chat.ui;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.browserless.ComponentTester;
import com.vaadin.flow.component.messages.MessageInput;
import java.util.UUID;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends from ChatView's composer the way the browser does: the DOM "submit" event of the message input,
 * carrying the event data ChatView asked for (the text, and the id the browser made for the message).
 * Every "submit" listener of the element hears it, as in the browser. (MessageInput's own tester instead
 * fires Vaadin's SubmitEvent directly, which ChatView does not listen to.)
 */
public final class ComposerTester extends ComponentTester<MessageInput> {

    private ComposerTester(MessageInput input) {
        super(input);
    }

    /** The composer in that window, made the active one (testers act in the last window used otherwise). */
    public static ComposerTester in(BrowserlessUIContext window, MessageInput input) {
        window.activate();
        return new ComposerTester(input);
    }

    /** Typing {@code text} and pressing Enter: the browser makes a fresh id for the message. */
    public void submit(String text) {
        submit(text, UUID.randomUUID().toString());
    }

    /** A submit with this id; the same id again is the browser sending that message again. */
    public void submit(String text, String clientId) {
        ensureComponentIsUsable();
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put(ChatView.TEXT_KEY, text);
        data.put(ChatView.CLIENT_ID_EXPRESSION, clientId);
        fireDomEvent("submit", data);
    }
}
