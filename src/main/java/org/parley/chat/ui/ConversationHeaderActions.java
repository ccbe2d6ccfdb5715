package org.parley.chat.ui;

import com.vaadin.flow.component.Component;
import java.util.List;
import org.parley.chat.service.ConversationDetails;

/**
 * Lets other features put buttons in an open conversation's header (a group's members and settings),
 * without the chat knowing those features. Implementations are Spring beans.
 */
public interface ConversationHeaderActions {
    List<Component> actionsFor(ConversationDetails conversation);
}
