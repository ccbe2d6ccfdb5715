package org.parley.chat.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.parley.support.TestUsers.as;
import static org.parley.support.TestUsers.run;
import static org.parley.support.TestUsers.uniqueName;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.account.service.AccountService;
import org.parley.account.service.UserSummary;
import org.parley.base.service.InvalidInputException;
import org.parley.base.service.NotAllowedException;
import org.parley.friends.service.FriendService;
import org.parley.friends.service.PendingRequest;
import org.parley.friends.service.Relationship;
import org.parley.groups.domain.ChatGroup.JoinPolicy;
import org.parley.groups.domain.GroupAdminLogEntry.Action;
import org.parley.groups.service.AdminLogView;
import org.parley.groups.service.GroupModeration;
import org.parley.groups.service.GroupService;
import org.parley.groups.service.GroupSettings;
import org.parley.groups.service.GroupSummary;
import org.parley.support.Scenarios;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Temporary conversations: private conversations between members of a shared group who are not friends.
 * Against the real database, each call committed on its own (no {@code @Transactional}), callers forged
 * with {@link TestUsers#as}. Every refusal is checked for its words and for what did not change: no
 * conversation created, no message stored, the history as it was.
 */
@SpringBootTest
class TemporaryConversationServiceTest {

    private static final String NOT_FOUND = "Conversation not found.";
    private static final String ADMINS_ONLY = "Only the group's administrators can do that.";

    @Autowired
    ChatService chat;

    @Autowired
    ConversationOverview overview;

    @Autowired
    ReadMarkers readMarkers;

    @Autowired
    GroupService groups;

    @Autowired
    GroupModeration moderation;

    @Autowired
    GroupSettings groupSettings;

    @Autowired
    FriendService friends;

    @Autowired
    AccountService accounts;

    @Autowired
    TestUsers users;

    @Autowired
    Scenarios scenarios;

    @AfterEach
    void cleanUp() {
        SecurityContextHolder.clearContext();
    }

    // ----------------------------------------------------------------------------------------------
    // Starting and talking

    @Test
    void members_of_a_shared_group_who_are_not_friends_talk_in_a_temporary_conversation_named_after_the_group() {
        Club club = club("ann", "bob");
        UserSummary ann = club.get("ann");
        UserSummary bob = club.get("bob");
        assertThat(club.group().temporaryChatsAllowed())
                .as("a new group allows temporary conversations")
                .isTrue();
        assertThat(as(ann, () -> friends.relationshipWith(bob.id()))).isEqualTo(Relationship.NONE);

        long conversation = as(ann, () -> chat.openTemporary(bob.id(), club.id()));

        assertThat(listOf(ann))
                .filteredOn(c -> c.id() == conversation)
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.isTemporary())
                            .as("marked temporary in the starter's list")
                            .isTrue();
                    assertThat(c.temporaryFrom()).isEqualTo(club.name());
                    assertThat(c.partner()).isEqualTo(bob);
                    assertThat(c.title().inEnglish()).isEqualTo(bob.displayName());
                    assertThat(c.isGroup()).isFalse();
                    assertThat(c.lastMessage()).isNull();
                });
        assertTemporaryDetails(ann, conversation, bob, club.name());
        assertTemporaryDetails(bob, conversation, ann, club.name());

        ChatMessageView hello = as(ann, () -> chat.send(conversation, "Hi Bob, saw you in the club"));

        assertThat(hello.sender()).isEqualTo(ann);
        assertThat(listOf(bob))
                .as("Bob sees it in his list after Ann's first message")
                .filteredOn(c -> c.id() == conversation)
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.isTemporary()).isTrue();
                    assertThat(c.temporaryFrom()).isEqualTo(club.name());
                    assertThat(c.partner()).isEqualTo(ann);
                    assertThat(c.lastMessage().inEnglish()).isEqualTo("Hi Bob, saw you in the club");
                    assertThat(c.lastMessageIsMine()).isFalse();
                });
        assertThat(scenarios.unreadIn(bob, conversation)).isEqualTo(1);
        run(bob, () -> chat.send(conversation, "Hi Ann!"));
        run(ann, () -> chat.send(conversation, "Nice to meet you"));
        for (UserSummary reader : List.of(ann, bob)) {
            assertThat(as(reader, () -> chat.history(conversation, null, 50)))
                    .extracting(ChatMessageView::body, m -> m.sender().id())
                    .containsExactly(
                            tuple("Hi Bob, saw you in the club", ann.id()),
                            tuple("Hi Ann!", bob.id()),
                            tuple("Nice to meet you", ann.id()));
        }
        assertThat(listOf(ann))
                .filteredOn(c -> c.id() == conversation)
                .singleElement()
                .satisfies(c -> assertThat(c.temporaryFrom()).isEqualTo(club.name()));

        assertThat(as(ann, () -> chat.openTemporary(bob.id(), club.id())))
                .as("one conversation per pair")
                .isEqualTo(conversation);
        assertThat(as(bob, () -> chat.openTemporary(ann.id(), club.id()))).isEqualTo(conversation);
        assertThat(as(ann, () -> friends.relationshipWith(bob.id())))
                .as("talking does not make them friends")
                .isEqualTo(Relationship.NONE);
    }

    // ----------------------------------------------------------------------------------------------
    // Forged callers

    @Test
    void nobody_starts_one_from_a_group_they_are_not_in_with_someone_outside_it_or_with_themselves() {
        Club club = club("ann", "bob", "+mallory", "+carl");
        UserSummary ann = club.get("ann");
        UserSummary bob = club.get("bob");
        UserSummary mallory = club.get("mallory");
        UserSummary carl = club.get("carl");

        assertThatThrownBy(() -> run(mallory, () -> chat.openTemporary(ann.id(), club.id())))
                .as("a non-member naming the group")
                .isInstanceOf(NotAllowedException.class)
                .hasMessage("You are not a member of that group.");
        assertThatThrownBy(() -> run(mallory, () -> chat.openTemporary(ann.id(), Long.MAX_VALUE)))
                .as("a group that does not exist")
                .isInstanceOf(NotAllowedException.class)
                .hasMessage("You are not a member of that group.");
        assertThatThrownBy(() -> run(ann, () -> chat.openTemporary(carl.id(), club.id())))
                .as("a member naming someone outside the group")
                .isInstanceOf(NotAllowedException.class)
                .hasMessage("That person is not a member of " + club.name() + ".");
        assertThatThrownBy(() -> run(ann, () -> chat.openTemporary(Long.MAX_VALUE, club.id())))
                .as("nobody at all")
                .isInstanceOf(NotAllowedException.class)
                .hasMessage("No such person.");
        assertThatThrownBy(() -> run(ann, () -> chat.openTemporary(ann.id(), club.id())))
                .as("not with yourself")
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("That is you.");

        assertNoPairConversation(mallory, ann);
        assertNoPairConversation(ann, carl);
        assertThat(listOf(ann))
                .as("Ann has only the group's own conversation")
                .extracting(ConversationSummary::id)
                .containsExactly(club.conversationId());
        assertThat(listOf(mallory)).isEmpty();
        assertThat(listOf(carl)).isEmpty();
        // The refusals did not spoil it for a real pair.
        assertThat(as(ann, () -> chat.openTemporary(bob.id(), club.id()))).isPositive();
    }

    @Test
    void someone_outside_a_temporary_conversation_can_neither_read_nor_write_it_even_from_the_same_group() {
        Club club = club("ann", "bob", "mallory");
        UserSummary ann = club.get("ann");
        UserSummary bob = club.get("bob");
        UserSummary mallory = club.get("mallory");
        long conversation = temporaryWithMessage(club, ann, bob, "just between us");

        run(mallory, () -> {
            assertThatThrownBy(() -> chat.history(conversation, null, 50))
                    .isInstanceOf(NotAllowedException.class)
                    .hasMessage(NOT_FOUND);
            assertThatThrownBy(() -> overview.details(conversation))
                    .isInstanceOf(NotAllowedException.class)
                    .hasMessage(NOT_FOUND);
            assertThatThrownBy(() -> chat.send(conversation, "let me in"))
                    .isInstanceOf(NotAllowedException.class)
                    .hasMessage(NOT_FOUND);
            readMarkers.markRead(conversation, readMarkers.unreadCounts()); // not hers to read: nothing happens
        });
        assertThat(listOf(mallory)).extracting(ConversationSummary::id).doesNotContain(conversation);

        for (UserSummary member : List.of(ann, bob)) {
            assertThat(bodies(member, conversation)).as("nothing was stored").containsExactly("just between us");
        }
        assertThat(scenarios.unreadIn(bob, conversation))
                .as("Mallory's markRead did not clear Bob's badge")
                .isEqualTo(1);
        // Mallory's own temporary conversation with Ann is a different one.
        long mallorysOwn = as(mallory, () -> chat.openTemporary(ann.id(), club.id()));
        assertThat(mallorysOwn).isNotEqualTo(conversation);
        assertThat(as(mallory, () -> chat.history(mallorysOwn, null, 50))).isEmpty();
    }

    // ----------------------------------------------------------------------------------------------
    // The user's privacy

    @Test
    void someone_who_accepts_temporary_conversations_from_nobody_cannot_be_reached_until_they_switch_back() {
        Club club = club("ann", "bob", "dora");
        UserSummary ann = club.get("ann");
        UserSummary bob = club.get("bob");
        UserSummary dora = club.get("dora");
        assertThat(accepts(bob)).as("members of shared groups, by default").isTrue();
        long conversation = temporaryWithMessage(club, ann, bob, "before");

        run(bob, () -> accounts.setAcceptsTemporaryChats(false));

        assertThat(accepts(bob)).isFalse();
        assertThatThrownBy(() -> run(dora, () -> chat.openTemporary(bob.id(), club.id())))
                .isInstanceOf(NotAllowedException.class)
                .hasMessage(bob.displayName() + " doesn't accept temporary conversations.");
        assertNoPairConversation(dora, bob);
        assertThatThrownBy(() -> run(ann, () -> chat.openTemporary(bob.id(), club.id())))
                .as("not even reopening the existing one")
                .isInstanceOf(NotAllowedException.class)
                .hasMessage(bob.displayName() + " doesn't accept temporary conversations.");
        String closed = bob.displayName() + " no longer accepts temporary conversations.";
        assertSendRefused(ann, conversation, closed, "before");
        assertThat(bodies(bob, conversation)).as("Bob still reads it").containsExactly("before");

        run(bob, () -> accounts.setAcceptsTemporaryChats(true));

        assertThat(accepts(bob)).isTrue();
        assertThat(as(ann, () -> overview.details(conversation)).canSend()).isTrue();
        run(ann, () -> chat.send(conversation, "after"));
        assertThat(bodies(bob, conversation)).containsExactly("before", "after");
        assertThat(as(ann, () -> chat.openTemporary(bob.id(), club.id()))).isEqualTo(conversation);
        assertThat(as(dora, () -> chat.openTemporary(bob.id(), club.id()))).isNotEqualTo(conversation);
    }

    @Test
    void whoever_accepts_temporary_conversations_from_nobody_cannot_start_one_either() {
        Club club = club("ann", "bob");
        UserSummary ann = club.get("ann");
        UserSummary bob = club.get("bob");

        run(ann, () -> accounts.setAcceptsTemporaryChats(false));

        assertThatThrownBy(() -> run(ann, () -> chat.openTemporary(bob.id(), club.id())))
                .isInstanceOf(NotAllowedException.class)
                .hasMessage("You have switched temporary conversations off in your profile, so " + bob.displayName()
                        + " could not answer. Switch them on first.");
        assertNoPairConversation(ann, bob);

        run(ann, () -> accounts.setAcceptsTemporaryChats(true));

        long conversation = as(ann, () -> chat.openTemporary(bob.id(), club.id()));
        run(ann, () -> chat.send(conversation, "hello"));
        assertThat(bodies(bob, conversation)).containsExactly("hello");

        // Switching off later ends it both ways: Ann could not be answered, so she cannot write either.
        run(ann, () -> accounts.setAcceptsTemporaryChats(false));
        assertSendRefused(
                ann,
                conversation,
                "You have switched temporary conversations off in your profile. Switch them on to write here.",
                "hello");
        assertSendRefused(
                bob, conversation, ann.displayName() + " no longer accepts temporary conversations.", "hello");
    }

    // ----------------------------------------------------------------------------------------------
    // The group's switch

    @Test
    void only_administrators_switch_temporary_conversations_off_for_their_group() {
        Club club = club("ann", "bob", "dora", "+mallory");
        UserSummary ann = club.get("ann");
        UserSummary dora = club.get("dora");
        UserSummary mallory = club.get("mallory");
        run(club.owner(), () -> moderation.appoint(club.id(), dora.id()));
        List<Long> logBefore = logIds(club);

        assertThatThrownBy(() -> run(ann, () -> groupSettings.setTemporaryChatsAllowed(club.id(), false)))
                .as("a plain member")
                .isInstanceOf(NotAllowedException.class)
                .hasMessage(ADMINS_ONLY);
        assertThatThrownBy(() -> run(mallory, () -> groupSettings.setTemporaryChatsAllowed(club.id(), false)))
                .as("an outsider")
                .isInstanceOf(NotAllowedException.class)
                .hasMessage(ADMINS_ONLY);
        assertThatThrownBy(() -> run(ann, () -> groupSettings.setTemporaryChatsAllowed(Long.MAX_VALUE, false)))
                .as("no such group")
                .isInstanceOf(NotAllowedException.class)
                .hasMessage("Group not found.");

        assertThat(as(ann, () -> groups.group(club.id())).temporaryChatsAllowed())
                .as("setting unchanged")
                .isTrue();
        assertThat(logIds(club)).as("nothing logged").isEqualTo(logBefore);

        run(dora, () -> groupSettings.setTemporaryChatsAllowed(club.id(), false));

        assertThat(as(ann, () -> groups.group(club.id())).temporaryChatsAllowed())
                .as("an administrator (not only the owner) may switch it off")
                .isFalse();
        assertThat(as(ann, groups::myGroups))
                .filteredOn(g -> g.id() == club.id())
                .singleElement()
                .extracting(GroupSummary::temporaryChatsAllowed)
                .isEqualTo(false);
        assertThatThrownBy(() -> run(ann, () -> groupSettings.setTemporaryChatsAllowed(club.id(), true)))
                .as("nor back on")
                .isInstanceOf(NotAllowedException.class)
                .hasMessage(ADMINS_ONLY);
        assertThat(as(ann, () -> groups.group(club.id())).temporaryChatsAllowed())
                .isFalse();

        run(club.owner(), () -> groupSettings.setTemporaryChatsAllowed(club.id(), true));
        assertThat(as(ann, () -> groups.group(club.id())).temporaryChatsAllowed())
                .isTrue();
    }

    @Test
    void switching_temporary_conversations_is_recorded_in_the_admin_log() {
        Club club = club("dora");
        UserSummary dora = club.get("dora");
        run(club.owner(), () -> moderation.appoint(club.id(), dora.id()));
        int before = logIds(club).size();

        run(dora, () -> groupSettings.setTemporaryChatsAllowed(club.id(), false));
        run(dora, () -> groupSettings.setTemporaryChatsAllowed(club.id(), false)); // already off: nothing to log
        run(club.owner(), () -> groupSettings.setTemporaryChatsAllowed(club.id(), true));
        run(club.owner(), () -> groupSettings.setTemporaryChatsAllowed(club.id(), true)); // already on

        List<AdminLogView> log = as(club.owner(), () -> moderation.adminLog(club.id(), null, 50));
        assertThat(log).as("two changes, two lines").hasSize(before + 2);
        assertThat(log.get(0)).satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(Action.ALLOW_TEMPORARY_CHATS);
            assertThat(entry.actor()).isEqualTo(club.owner());
            assertThat(entry.target()).as("an act on the whole group").isNull();
            assertThat(entry.at()).isNotNull();
        });
        assertThat(log.get(1)).satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(Action.FORBID_TEMPORARY_CHATS);
            assertThat(entry.actor()).isEqualTo(dora);
            assertThat(entry.target()).isNull();
            assertThat(entry.reason()).isNull();
        });
        assertThat(as(dora, () -> moderation.adminLog(club.id(), null, 50)))
                .as("other administrators see it too")
                .extracting(AdminLogView::id)
                .isEqualTo(log.stream().map(AdminLogView::id).toList());
    }

    @Test
    void switched_off_no_temporary_conversation_starts_and_an_existing_one_becomes_read_only() {
        Club club = club("ann", "bob", "carl", "dora");
        UserSummary ann = club.get("ann");
        UserSummary bob = club.get("bob");
        UserSummary carl = club.get("carl");
        UserSummary dora = club.get("dora");
        long conversation = temporaryWithMessage(club, ann, bob, "before");

        run(club.owner(), () -> groupSettings.setTemporaryChatsAllowed(club.id(), false));

        String switchedOff = "Temporary conversations are switched off in " + club.name() + ".";
        assertThatThrownBy(() -> run(carl, () -> chat.openTemporary(dora.id(), club.id())))
                .isInstanceOf(NotAllowedException.class)
                .hasMessage(switchedOff);
        assertNoPairConversation(carl, dora);
        assertThatThrownBy(() -> run(ann, () -> chat.openTemporary(bob.id(), club.id())))
                .isInstanceOf(NotAllowedException.class)
                .hasMessage(switchedOff);
        assertSendRefused(ann, conversation, ended(bob), "before");
        assertSendRefused(bob, conversation, ended(ann), "before");
        for (UserSummary member : List.of(ann, bob)) {
            assertThat(as(member, () -> overview.details(conversation)).isTemporary())
                    .isTrue();
            assertThat(listOf(member))
                    .as("still listed")
                    .extracting(ConversationSummary::id)
                    .contains(conversation);
        }

        run(club.owner(), () -> groupSettings.setTemporaryChatsAllowed(club.id(), true));

        run(bob, () -> chat.send(conversation, "after"));
        assertThat(bodies(ann, conversation)).containsExactly("before", "after");
        assertThat(as(ann, () -> overview.details(conversation)).canSend()).isTrue();
        assertThat(as(carl, () -> chat.openTemporary(dora.id(), club.id()))).isPositive();
    }

    @Test
    void another_shared_group_that_allows_it_keeps_a_temporary_conversation_alive() {
        Club club = club("ann", "bob");
        UserSummary ann = club.get("ann");
        UserSummary bob = club.get("bob");
        GroupSummary other = as(club.owner(), () -> groups.create(uniqueName("Other"), null, JoinPolicy.OPEN));
        run(ann, () -> groups.join(other.id(), null));
        run(bob, () -> groups.join(other.id(), null));
        long conversation = temporaryWithMessage(club, ann, bob, "before");

        run(club.owner(), () -> groupSettings.setTemporaryChatsAllowed(club.id(), false));

        assertThatThrownBy(() -> run(ann, () -> chat.openTemporary(bob.id(), club.id())))
                .as("not from the group that switched it off")
                .isInstanceOf(NotAllowedException.class)
                .hasMessage("Temporary conversations are switched off in " + club.name() + ".");
        for (UserSummary member : List.of(ann, bob)) {
            assertThat(as(member, () -> overview.details(conversation))).satisfies(d -> {
                assertThat(d.canSend())
                        .as("%s can still write: %s", member.displayName(), d.cannotSendReason())
                        .isTrue();
                assertThat(d.isTemporary()).isTrue();
            });
        }
        run(ann, () -> chat.send(conversation, "still here"));
        run(bob, () -> chat.send(conversation, "me too"));
        assertThat(as(ann, () -> chat.openTemporary(bob.id(), other.id())))
                .as("from the other group it is the same conversation")
                .isEqualTo(conversation);
        assertThat(bodies(bob, conversation)).containsExactly("before", "still here", "me too");

        // And it is that other group that kept it alive: switched off there too, it ends.
        run(club.owner(), () -> groupSettings.setTemporaryChatsAllowed(other.id(), false));
        assertSendRefused(ann, conversation, ended(bob), "before", "still here", "me too");
    }

    // ----------------------------------------------------------------------------------------------
    // Blocking

    @Test
    void a_block_either_way_refuses_a_new_temporary_conversation_and_stops_an_existing_one() {
        Club club = club("ann", "bob", "carl");
        UserSummary ann = club.get("ann");
        UserSummary bob = club.get("bob");
        UserSummary carl = club.get("carl");
        long conversation = temporaryWithMessage(club, ann, bob, "before");

        // Without a conversation yet: the blocked cannot start one, nor the one who blocked.
        run(ann, () -> friends.block(carl.id()));
        assertThatThrownBy(() -> run(carl, () -> chat.openTemporary(ann.id(), club.id())))
                .isInstanceOf(NotAllowedException.class)
                .hasMessage("You can't start a conversation with " + ann.displayName() + ".");
        assertThatThrownBy(() -> run(ann, () -> chat.openTemporary(carl.id(), club.id())))
                .isInstanceOf(NotAllowedException.class)
                .hasMessage("You can't start a conversation with " + carl.displayName() + ".");
        assertNoPairConversation(ann, carl);

        // With one: Bob blocks Ann, and neither can write any more, nor reopen it.
        run(bob, () -> friends.block(ann.id()));
        assertThatThrownBy(() -> run(ann, () -> chat.openTemporary(bob.id(), club.id())))
                .isInstanceOf(NotAllowedException.class)
                .hasMessage("You can't start a conversation with " + bob.displayName() + ".");
        assertSendRefused(ann, conversation, "You can't send messages to " + bob.displayName() + ".", "before");
        assertSendRefused(bob, conversation, "You can't send messages to " + ann.displayName() + ".", "before");

        run(bob, () -> friends.unblock(ann.id()));
        run(ann, () -> chat.send(conversation, "after the block"));
        assertThat(bodies(bob, conversation))
                .as("unblocked, the shared group carries it again")
                .containsExactly("before", "after the block");
    }

    // ----------------------------------------------------------------------------------------------
    // Leaving the group

    @Test
    void when_one_leaves_the_only_shared_group_the_conversation_stays_readable_but_closed_until_they_rejoin() {
        Club club = club("ann", "bob");
        UserSummary ann = club.get("ann");
        UserSummary bob = club.get("bob");
        long conversation = temporaryWithMessage(club, ann, bob, "before");

        run(bob, () -> groups.leave(club.id()));

        assertSendRefused(ann, conversation, ended(bob), "before");
        assertSendRefused(bob, conversation, ended(ann), "before");
        assertThatThrownBy(() -> run(ann, () -> chat.openTemporary(bob.id(), club.id())))
                .isInstanceOf(NotAllowedException.class)
                .hasMessage("That person is not a member of " + club.name() + ".");

        run(bob, () -> groups.join(club.id(), null));

        run(bob, () -> chat.send(conversation, "back again"));
        run(ann, () -> chat.send(conversation, "welcome back"));
        assertThat(bodies(ann, conversation)).containsExactly("before", "back again", "welcome back");
        assertThat(as(ann, () -> overview.details(conversation)).canSend()).isTrue();
    }

    @Test
    void when_one_is_removed_from_the_only_shared_group_the_conversation_closes_until_they_are_added_back() {
        Club club = club("ann", "bob");
        UserSummary ann = club.get("ann");
        UserSummary bob = club.get("bob");
        long conversation = temporaryWithMessage(club, ann, bob, "before");

        run(club.owner(), () -> moderation.removeMember(club.id(), bob.id(), "spam"));

        assertSendRefused(ann, conversation, ended(bob), "before");
        assertSendRefused(bob, conversation, ended(ann), "before");

        run(club.owner(), () -> groups.addMember(club.id(), bob.id()));
        run(ann, () -> chat.send(conversation, "added back"));
        assertThat(bodies(bob, conversation)).containsExactly("before", "added back");

        run(club.owner(), () -> moderation.ban(club.id(), ann.id(), null));

        assertSendRefused(bob, conversation, ended(ann), "before", "added back");
        assertSendRefused(ann, conversation, ended(bob), "before", "added back");
    }

    // ----------------------------------------------------------------------------------------------
    // Friends

    @Test
    void between_friends_open_temporary_gives_their_ordinary_conversation() {
        Club club = club("ann", "bob");
        UserSummary ann = club.get("ann");
        UserSummary bob = club.get("bob");
        scenarios.makeFriends(ann, bob);
        // Neither the group's switch nor the privacy setting stands between friends.
        run(club.owner(), () -> groupSettings.setTemporaryChatsAllowed(club.id(), false));
        run(bob, () -> accounts.setAcceptsTemporaryChats(false));

        long conversation = as(ann, () -> chat.openTemporary(bob.id(), club.id()));

        assertThat(as(bob, () -> chat.openDirect(ann.id()))).isEqualTo(conversation);
        for (UserSummary member : List.of(ann, bob)) {
            assertThat(listOf(member))
                    .filteredOn(c -> c.id() == conversation)
                    .singleElement()
                    .satisfies(c -> {
                        assertThat(c.isTemporary()).isFalse();
                        assertThat(c.temporaryFrom()).isNull();
                    });
            assertThat(as(member, () -> overview.details(conversation))).satisfies(d -> {
                assertThat(d.isTemporary()).isFalse();
                assertThat(d.canSend()).isTrue();
            });
        }
        run(bob, () -> chat.send(conversation, "friends talk"));
        assertThat(bodies(ann, conversation)).containsExactly("friends talk");
    }

    @Test
    void once_they_become_friends_a_temporary_conversation_is_an_ordinary_one_even_without_a_shared_group() {
        Club club = club("ann", "bob");
        UserSummary ann = club.get("ann");
        UserSummary bob = club.get("bob");
        long conversation = temporaryWithMessage(club, ann, bob, "before");

        run(ann, () -> friends.sendRequest(bob.id(), "let's be friends"));
        PendingRequest request = as(bob, friends::incomingRequests).stream()
                .filter(r -> r.other().id() == ann.id())
                .findFirst()
                .orElseThrow();
        run(bob, () -> friends.acceptRequest(request.id()));
        assertThat(as(ann, () -> friends.relationshipWith(bob.id()))).isEqualTo(Relationship.FRIEND);

        for (UserSummary member : List.of(ann, bob)) {
            assertThat(listOf(member))
                    .filteredOn(c -> c.id() == conversation)
                    .singleElement()
                    .satisfies(c -> assertThat(c.isTemporary())
                            .as("no longer marked temporary")
                            .isFalse());
            assertThat(as(member, () -> overview.details(conversation)).isTemporary())
                    .isFalse();
        }
        assertThat(as(bob, () -> chat.openDirect(ann.id())))
                .as("it is now their ordinary conversation")
                .isEqualTo(conversation);

        run(bob, () -> groups.leave(club.id()));
        run(bob, () -> accounts.setAcceptsTemporaryChats(false));

        for (UserSummary member : List.of(ann, bob)) {
            assertThat(as(member, () -> overview.details(conversation)).canSend())
                    .as("friends need no shared group")
                    .isTrue();
        }
        run(ann, () -> chat.send(conversation, "no group needed"));
        run(bob, () -> chat.send(conversation, "indeed"));
        assertThat(bodies(ann, conversation)).containsExactly("before", "no group needed", "indeed");
    }

    @Test
    void former_friends_carry_on_in_their_old_conversation_as_a_temporary_one() {
        Club club = club("ann", "bob");
        UserSummary ann = club.get("ann");
        UserSummary bob = club.get("bob");
        scenarios.makeFriends(ann, bob);
        long direct = as(ann, () -> chat.openDirect(bob.id()));
        run(ann, () -> chat.send(direct, "as friends"));
        run(bob, () -> friends.removeFriend(ann.id()));
        assertThat(as(ann, () -> overview.details(direct)).canSend())
                .as("the friendship's conversation closed")
                .isFalse();

        long temporary = as(ann, () -> chat.openTemporary(bob.id(), club.id()));

        assertThat(temporary).as("the same conversation, history and all").isEqualTo(direct);
        assertTemporaryDetails(bob, temporary, ann, club.name());
        run(bob, () -> chat.send(temporary, "through the club"));
        assertThat(bodies(ann, temporary)).containsExactly("as friends", "through the club");
    }

    // ----------------------------------------------------------------------------------------------

    /** An open group owned by its own owner; prefixes starting with "+" are users who stay outside it. */
    private record Club(GroupSummary group, UserSummary owner, Map<String, UserSummary> people) {
        long id() {
            return group.id();
        }

        String name() {
            return group.name();
        }

        long conversationId() {
            return group.conversationId();
        }

        UserSummary get(String prefix) {
            return people.get(prefix);
        }
    }

    private Club club(String... prefixes) {
        List<String> all = new ArrayList<>(List.of("owner"));
        for (String prefix : prefixes) {
            all.add(prefix.startsWith("+") ? prefix.substring(1) : prefix);
        }
        Map<String, UserSummary> who = users.createAll(all);
        UserSummary owner = who.remove("owner");
        GroupSummary group = scenarios.openGroup(
                owner,
                uniqueName("Club"),
                null,
                Arrays.stream(prefixes)
                        .filter(prefix -> !prefix.startsWith("+"))
                        .map(who::get)
                        .toArray(UserSummary[]::new));
        return new Club(as(owner, () -> groups.group(group.id())), owner, who);
    }

    private long temporaryWithMessage(Club club, UserSummary starter, UserSummary other, String first) {
        long conversation = as(starter, () -> chat.openTemporary(other.id(), club.id()));
        run(starter, () -> chat.send(conversation, first));
        return conversation;
    }

    private static String ended(UserSummary partner) {
        return "This temporary conversation has ended: you and " + partner.displayName()
                + " no longer share a group that allows it. Add them as a friend to keep talking.";
    }

    /**
     * The user's conversation list. It must always load: a crash here (rather than a wrong row) is
     * reported as such, naming whose list it was.
     */
    private List<ConversationSummary> listOf(UserSummary user) {
        try {
            return as(user, overview::conversations);
        } catch (NullPointerException | IllegalStateException e) {
            StackTraceElement where = Arrays.stream(e.getStackTrace())
                    .filter(frame -> frame.getClassName().startsWith("org.parley."))
                    .findFirst()
                    .orElse(null);
            throw new AssertionError(
                    "ConversationOverview.conversations() crashed for " + user.displayName() + " with " + e + " at "
                            + where + ". Expected their conversation list, temporary ones marked.",
                    e);
        }
    }

    /** The user's own privacy setting, as their profile shows it. */
    private boolean accepts(UserSummary user) {
        return as(user, () -> accounts.acceptsTemporaryChats());
    }

    private List<String> bodies(UserSummary reader, long conversation) {
        return as(reader, () -> chat.history(conversation, null, 50)).stream()
                .map(ChatMessageView::body)
                .toList();
    }

    private List<Long> logIds(Club club) {
        return as(club.owner(), () -> moderation.adminLog(club.id(), null, GroupService.MAX_PAGE)).stream()
                .map(AdminLogView::id)
                .toList();
    }

    private void assertTemporaryDetails(UserSummary viewer, long conversation, UserSummary partner, String groupName) {
        assertThat(as(viewer, () -> overview.details(conversation))).satisfies(d -> {
            assertThat(d.isTemporary())
                    .as("marked temporary for %s", viewer.displayName())
                    .isTrue();
            assertThat(d.temporaryFrom()).isEqualTo(groupName);
            assertThat(d.partner()).isEqualTo(partner);
            assertThat(d.title().inEnglish()).isEqualTo(partner.displayName());
            assertThat(d.canSend())
                    .as("%s may write: %s", viewer.displayName(), d.cannotSendReason())
                    .isTrue();
        });
    }

    /**
     * The sender is refused with {@code reason}, the header says the same, and nothing was stored: both
     * still read exactly {@code history}, the conversation is still in both lists, no unread badge grew.
     */
    private void assertSendRefused(UserSummary sender, long conversation, String reason, String... history) {
        UserSummary partner = as(sender, () -> overview.details(conversation)).partner();
        long partnerUnread = scenarios.unreadIn(partner, conversation);
        assertThatThrownBy(() -> run(sender, () -> chat.send(conversation, "can you hear me?")))
                .isInstanceOf(NotAllowedException.class)
                .hasMessage(reason);
        ConversationDetails details = as(sender, () -> overview.details(conversation));
        assertThat(details.canSend()).as("the header says so too").isFalse();
        assertThat(details.cannotSendReason().inEnglish()).isEqualTo(reason);
        for (UserSummary member : List.of(sender, partner)) {
            assertThat(bodies(member, conversation))
                    .as("still readable by %s, nothing stored", member.displayName())
                    .containsExactly(history);
            assertThat(listOf(member)).extracting(ConversationSummary::id).contains(conversation);
        }
        assertThat(scenarios.unreadIn(partner, conversation))
                .as("no unread message for the partner")
                .isEqualTo(partnerUnread);
    }

    private void assertNoPairConversation(UserSummary a, UserSummary b) {
        assertThat(listOf(a))
                .as("no conversation was created")
                .noneMatch(c -> c.partner() != null && c.partner().id() == b.id());
        assertThat(listOf(b))
                .as("no conversation was created")
                .noneMatch(c -> c.partner() != null && c.partner().id() == a.id());
    }
}
