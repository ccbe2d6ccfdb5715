package org.parley.chat.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.messages.MessageListItem;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The list reaches into Vaadin's message list to put older messages in front: if a Vaadin update moved what it
 * reaches for, this fails here rather than in a reader's browser.
 */
class ChatMessageListTest {

    @Test
    void older_messages_go_in_front_of_the_shown_ones_on_the_server_too() {
        ChatMessageList list = new ChatMessageList();
        MessageListItem newest = new MessageListItem("newest", null, "Ann");
        list.setItems(List.of(newest));
        MessageListItem first = new MessageListItem("first", null, "Bob");
        MessageListItem second = new MessageListItem("second", null, "Ann");

        list.prepend(List.of(first, second));

        assertThat(list.getItems()).containsExactly(first, second, newest);
    }
}
