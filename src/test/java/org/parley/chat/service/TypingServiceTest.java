package org.parley.chat.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.support.HeardEvents.awaitEvents;
import static org.parley.support.TestUsers.run;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.account.service.UserSummary;
import org.parley.base.service.NotAllowedException;
import org.parley.base.service.UserEvent;
import org.parley.friends.service.FriendService;
import org.parley.groups.service.GroupModeration;
import org.parley.groups.service.GroupSummary;
import org.parley.support.HeardEvents;
import org.parley.support.Scenarios;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who may be shown typing, to whom, and how often; callers forged with {@link TestUsers#run}. */
@SpringBootTest
class TypingServiceTest {

    @Autowired
    TypingService typing;

    @Autowired
    FriendService friends;

    @Autowired
    GroupModeration moderation;

    @Autowired
    TestUsers users;

    @Autowired
    Scenarios scenarios;

    @Autowired
    HeardEvents heardEvents;

    @AfterEach
    void cleanUp() {
        heardEvents.close();
        SecurityContextHolder.clearContext();
    }

    @Test
    void the_other_members_hear_who_types_and_the_typist_hears_nothing() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        UserSummary cat = users.create("cat");
        GroupSummary group = scenarios.openGroup(ann, "Typists " + TestUsers.uniqueName("g"), "", bob, cat);
        List<UserEvent> bobHears = heardEvents.listen(bob);
        List<UserEvent> catHears = heardEvents.listen(cat);
        List<UserEvent> annHears = heardEvents.listen(ann);

        run(ann, () -> typing.typing(group.conversationId()));

        for (List<UserEvent> heard : List.of(bobHears, catHears)) {
            SomeoneTyping told = (SomeoneTyping) awaitEvents(heard, 1).getFirst();
            assertThat(told.conversationId()).isEqualTo(group.conversationId());
            assertThat(told.typist().id()).isEqualTo(ann.id());
            assertThat(told.typist().displayName()).isEqualTo(ann.displayName());
        }
        assertThat(annHears).isEmpty();
    }

    @Test
    void at_most_one_notice_a_second_goes_out_per_typist() throws InterruptedException {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        long conversation = scenarios.friendsWithConversation(ann, bob);
        List<UserEvent> bobHears = heardEvents.listen(bob);

        for (int key = 0; key < 5; key++) {
            run(ann, () -> typing.typing(conversation));
        }
        awaitEvents(bobHears, 1);
        Thread.sleep(TypingService.AT_MOST_EVERY.toMillis() + 100);
        run(ann, () -> typing.typing(conversation));

        awaitEvents(bobHears, 2);
    }

    @Test
    void nobody_outside_the_conversation_can_be_shown_typing_in_it() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        UserSummary eve = users.create("eve");
        long conversation = scenarios.friendsWithConversation(ann, bob);
        List<UserEvent> bobHears = heardEvents.listen(bob);

        assertThatThrownBy(() -> run(eve, () -> typing.typing(conversation)))
                .isInstanceOf(NotAllowedException.class)
                .hasMessage("Conversation not found.");
        assertThatThrownBy(() -> run(eve, () -> typing.typing(Long.MAX_VALUE))).isInstanceOf(NotAllowedException.class);

        // What Bob hears next is Ann, and nothing came before her.
        run(ann, () -> typing.typing(conversation));
        assertThat(((SomeoneTyping) awaitEvents(bobHears, 1).getFirst())
                        .typist()
                        .id())
                .isEqualTo(ann.id());
    }

    @Test
    void someone_who_may_not_write_is_not_shown_typing() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        UserSummary max = users.create("max");
        UserSummary cat = users.create("cat");
        long conversation = scenarios.friendsWithConversation(ann, bob);
        GroupSummary group = scenarios.openGroup(ann, "Quiet " + TestUsers.uniqueName("g"), "", max, cat);
        run(ann, () -> friends.removeFriend(bob.id()));
        run(ann, () -> moderation.mute(group.id(), max.id(), Duration.ofMinutes(10), "Quiet please"));
        List<UserEvent> annHears = heardEvents.listen(ann);

        // A former friend still reads the old conversation, but writes nothing in it.
        assertThatThrownBy(() -> run(bob, () -> typing.typing(conversation))).isInstanceOf(NotAllowedException.class);
        // A muted member reads the group, but is not shown writing in it.
        assertThatThrownBy(() -> run(max, () -> typing.typing(group.conversationId())))
                .isInstanceOf(NotAllowedException.class);

        // What Ann hears next is Cat, who may write, and nothing came before her.
        run(cat, () -> typing.typing(group.conversationId()));
        assertThat(((SomeoneTyping) awaitEvents(annHears, 1).getFirst())
                        .typist()
                        .id())
                .isEqualTo(cat.id());
    }
}
