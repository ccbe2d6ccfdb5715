package org.parley.chat.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import org.parley.base.service.UserFacingException;
import org.parley.base.ui.Toasts;
import org.parley.base.ui.Words;
import org.parley.chat.service.ChatService;

/**
 * "chat/with/{userId}": opens (or first creates) the one-on-one conversation with a friend. Other
 * features link here by address, so they need not know the chat view.
 */
@Route("chat/with/:userId([0-9]{1,18})")
@PermitAll
public class DirectChatRoute extends Div implements BeforeEnterObserver {

    private final ChatService chat;

    public DirectChatRoute(ChatService chat) {
        this.chat = chat;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long userId = Long.parseLong(event.getRouteParameters().get("userId").orElseThrow());
        try {
            long conversationId = chat.openDirect(userId);
            event.forwardTo(ChatView.class, new RouteParameters("conversationId", String.valueOf(conversationId)));
        } catch (UserFacingException refused) {
            Toasts.error(Words.of(refused));
            event.forwardTo(ChatView.class);
        }
    }
}
