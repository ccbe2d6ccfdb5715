package org.parley.chat.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.support.TestUsers.as;
import static org.parley.support.TestUsers.run;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.account.service.UserSummary;
import org.parley.base.service.TooManyAttemptsException;
import org.parley.support.LowLimits;
import org.parley.support.Scenarios;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A sender who floods a conversation is slowed down (here 3 messages per 10 seconds): the next message or file is
 * refused with how long to wait, nothing of it is stored or delivered, and the others in the conversation write on.
 */
@LowLimits
class MessageRateLimitTest {

    @Autowired
    ChatService chat;

    @Autowired
    AttachmentService attachments;

    @Autowired
    Scenarios scenarios;

    @Autowired
    TestUsers users;

    @Test
    void a_flood_of_messages_and_files_is_refused_after_the_allowance() {
        Map<String, UserSummary> people = users.createAll("flooder", "reader");
        UserSummary flooder = people.get("flooder");
        UserSummary reader = people.get("reader");
        long conversation = scenarios.friendsWithConversation(flooder, reader);
        for (int i = 1; i <= 3; i++) {
            String text = "spam " + i;
            run(flooder, () -> chat.send(conversation, text));
        }

        assertThatThrownBy(() -> run(flooder, () -> chat.send(conversation, "spam 4")))
                .isInstanceOf(TooManyAttemptsException.class)
                .hasMessageStartingWith("You are sending messages too fast; try again in ")
                .hasMessageEndingWith(" seconds.");
        assertThatThrownBy(() -> as(
                        flooder,
                        () -> attachments.upload(
                                conversation,
                                "more.txt",
                                "text/plain",
                                new ByteArrayInputStream("spam".getBytes(StandardCharsets.UTF_8)))))
                .isInstanceOf(TooManyAttemptsException.class);

        run(reader, () -> chat.send(conversation, "please stop"));
        assertThat(as(reader, () -> chat.history(conversation, null, 50)))
                .extracting(ChatMessageView::body)
                .containsExactly("spam 1", "spam 2", "spam 3", "please stop");
    }
}
