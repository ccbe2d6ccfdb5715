package org.parley.friends.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.parley.support.HeardEvents.awaitEvents;
import static org.parley.support.TestUsers.as;
import static org.parley.support.TestUsers.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.account.service.AccountService;
import org.parley.account.service.UserSummary;
import org.parley.base.service.InvalidInputException;
import org.parley.base.service.NotAllowedException;
import org.parley.base.service.TooManyAttemptsException;
import org.parley.base.service.UserEvent;
import org.parley.friends.service.internal.FriendGraph;
import org.parley.support.HeardEvents;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Friends against the real database, every call in its own committed transaction. Callers are forged
 * with {@link TestUsers#as}: the service must judge by who is signed in, whatever ids it is handed.
 */
@SpringBootTest
class FriendServiceTest {

    @Autowired
    FriendService friends;

    @Autowired
    FriendGraph friendGraph;

    @Autowired
    AccountService accounts;

    @Autowired
    TestUsers users;

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    HeardEvents heardEvents;

    @AfterEach
    void cleanUp() {
        heardEvents.close();
        SecurityContextHolder.clearContext();
    }

    // ----------------------------------------------------------------------------------------------
    // Search

    @Test
    void search_finds_a_case_insensitive_part_of_the_user_name_or_the_display_name() {
        String token = token();
        UserSummary byUsername = accounts.register(
                "Nm" + token.toUpperCase(Locale.ROOT) + "x", "Plain Person", "password1", TestUsers.newAddress());
        UserSummary byDisplayName = accounts.register(
                TestUsers.uniqueName("dn"), "Mr " + token + " Two", "password1", TestUsers.newAddress());
        UserSummary unrelated = users.create("unrelated");
        UserSummary seeker = users.create("seeker");

        List<PersonResult> found =
                as(seeker, () -> friends.searchPeople(token.substring(1, 7).toUpperCase(Locale.ROOT), null, 50));

        assertThat(ids(found)).contains(byUsername.id(), byDisplayName.id()).doesNotContain(unrelated.id());
        assertThat(as(seeker, () -> friends.searchPeople("  " + token.toLowerCase(Locale.ROOT) + " ", null, 50)))
                .extracting(p -> p.user().id())
                .containsExactlyInAnyOrder(byUsername.id(), byDisplayName.id());
        assertThat(as(seeker, () -> friends.searchPeople("   ", null, 50)))
                .as("blank query lists nobody")
                .isEmpty();
    }

    @Test
    void search_never_lists_the_caller() {
        String token = token();
        UserSummary me =
                accounts.register(TestUsers.uniqueName("self"), "Me " + token, "password1", TestUsers.newAddress());
        UserSummary other =
                accounts.register(TestUsers.uniqueName("self"), "Other " + token, "password1", TestUsers.newAddress());

        assertThat(as(me, () -> friends.searchPeople(token, null, 50)))
                .extracting(p -> p.user().id())
                .containsExactly(other.id());
        assertThat(as(me, () -> friends.searchPeople(me.username(), null, 50))).isEmpty();
    }

    @Test
    void search_pages_by_user_name_without_gaps_or_repeats() {
        String token = token();
        List<UserSummary> people = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // Created out of order, with upper case, to prove the order is by user name, ignoring case.
            people.add(accounts.register(
                    "Pg" + token + (char) ('e' - i), "Paged " + i, "password1", TestUsers.newAddress()));
        }
        UserSummary seeker = users.create("seeker");
        List<Long> expectedOrder =
                people.reversed().stream().map(UserSummary::id).toList();

        List<PersonResult> all = new ArrayList<>();
        String after = null;
        List<Integer> pageSizes = new ArrayList<>();
        for (int guard = 0; guard < 10; guard++) {
            String afterUsername = after;
            List<PersonResult> page = as(seeker, () -> friends.searchPeople("pg" + token, afterUsername, 2));
            pageSizes.add(page.size());
            if (page.isEmpty()) {
                break;
            }
            all.addAll(page);
            after = page.getLast().user().username();
        }

        assertThat(pageSizes).containsExactly(2, 2, 1, 0);
        assertThat(ids(all)).containsExactlyElementsOf(expectedOrder);
    }

    @Test
    void search_treats_like_wildcards_as_plain_characters() {
        String token = token();
        UserSummary percent = accounts.register(
                TestUsers.uniqueName("pct"), "W" + token + "%off", "password1", TestUsers.newAddress());
        UserSummary underscore =
                accounts.register(TestUsers.uniqueName("usc"), "W" + token + "_x", "password1", TestUsers.newAddress());
        UserSummary bang =
                accounts.register(TestUsers.uniqueName("bng"), "W" + token + "!y", "password1", TestUsers.newAddress());
        UserSummary plain = accounts.register(
                TestUsers.uniqueName("pln"), "W" + token + "Aoffx", "password1", TestUsers.newAddress());
        UserSummary seeker = users.create("seeker");

        assertThat(ids(as(seeker, () -> friends.searchPeople("w" + token + "%", null, 50))))
                .containsExactly(percent.id());
        assertThat(ids(as(seeker, () -> friends.searchPeople("w" + token + "_", null, 50))))
                .containsExactly(underscore.id());
        assertThat(ids(as(seeker, () -> friends.searchPeople("w" + token + "!", null, 50))))
                .containsExactly(bang.id());
        assertThat(ids(as(seeker, () -> friends.searchPeople("w" + token, null, 50))))
                .containsExactlyInAnyOrder(percent.id(), underscore.id(), bang.id(), plain.id());
        // A lone wildcard is not "everyone".
        assertThat(ids(as(seeker, () -> friends.searchPeople("%", null, 50))))
                .doesNotContain(underscore.id(), bang.id(), plain.id());
        assertThat(ids(as(seeker, () -> friends.searchPeople("_", null, 50))))
                .doesNotContain(percent.id(), bang.id(), plain.id());
    }

    @Test
    void search_shows_where_the_caller_stands_with_each_person() {
        String token = token();
        UserSummary me = named("me", token);
        UserSummary stranger = named("stranger", token);
        UserSummary friend = named("friend", token);
        UserSummary askedByMe = named("asked", token);
        UserSummary askedMe = named("asker", token);
        UserSummary blockedByMe = named("blocked", token);
        makeFriends(me, friend);
        run(me, () -> friends.sendRequest(askedByMe.id(), null));
        run(askedMe, () -> friends.sendRequest(me.id(), null));
        run(me, () -> friends.block(blockedByMe.id()));

        Map<Long, PersonResult> seen = byId(as(me, () -> friends.searchPeople(token, null, 50)));

        assertThat(seen).hasSize(5);
        assertThat(seen.get(stranger.id()).relationship()).isEqualTo(Relationship.NONE);
        assertThat(seen.get(friend.id()).relationship()).isEqualTo(Relationship.FRIEND);
        assertThat(seen.get(askedByMe.id()).relationship()).isEqualTo(Relationship.REQUEST_SENT);
        assertThat(seen.get(askedMe.id()).relationship()).isEqualTo(Relationship.REQUEST_RECEIVED);
        assertThat(seen.get(blockedByMe.id()).relationship()).isEqualTo(Relationship.BLOCKED);
        assertThat(seen.get(askedByMe.id()).requestId())
                .isEqualTo(outgoing(me).getFirst().id());
        assertThat(seen.get(askedMe.id()).requestId())
                .isEqualTo(incoming(me).getFirst().id());
        assertThat(seen.get(stranger.id()).requestId()).isNull();
        assertThat(seen.get(friend.id()).requestId()).isNull();

        // The same requests seen from the other side.
        assertThat(relationship(askedByMe, me)).isEqualTo(Relationship.REQUEST_RECEIVED);
        assertThat(relationship(askedMe, me)).isEqualTo(Relationship.REQUEST_SENT);
        assertThat(relationship(friend, me)).isEqualTo(Relationship.FRIEND);
    }

    // ----------------------------------------------------------------------------------------------
    // Requests

    @Test
    void an_accepted_request_makes_both_friends() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");

        assertThat(as(ann, () -> friends.sendRequest(bob.id(), "  Hi Bob, it's Ann from the choir.  ")))
                .isEqualTo(Relationship.REQUEST_SENT);

        List<PendingRequest> bobsInbox = incoming(bob);
        assertThat(bobsInbox).hasSize(1);
        assertThat(bobsInbox.getFirst().other()).isEqualTo(ann);
        assertThat(bobsInbox.getFirst().note()).isEqualTo("Hi Bob, it's Ann from the choir.");
        assertThat(bobsInbox.getFirst().incoming()).isTrue();
        assertThat(as(bob, friends::incomingRequestCount)).isEqualTo(1);
        List<PendingRequest> annsOutbox = outgoing(ann);
        assertThat(annsOutbox).singleElement().satisfies(r -> {
            assertThat(r.other()).isEqualTo(bob);
            assertThat(r.incoming()).isFalse();
            assertThat(r.id()).isEqualTo(bobsInbox.getFirst().id());
        });
        assertThat(friendGraph.areFriends(ann.id(), bob.id())).isFalse();

        run(bob, () -> friends.acceptRequest(bobsInbox.getFirst().id()));

        assertThat(as(ann, friends::friends)).containsExactly(bob);
        assertThat(as(bob, friends::friends)).containsExactly(ann);
        assertThat(friendGraph.areFriends(ann.id(), bob.id())).isTrue();
        assertThat(friendGraph.areFriends(bob.id(), ann.id())).isTrue();
        assertThat(incoming(bob)).isEmpty();
        assertThat(outgoing(ann)).isEmpty();
        assertThat(as(bob, friends::incomingRequestCount)).isZero();
        assertThat(relationship(ann, bob)).isEqualTo(Relationship.FRIEND);
        // Answered: it cannot be accepted again.
        assertThatThrownBy(() -> run(
                        bob, () -> friends.acceptRequest(bobsInbox.getFirst().id())))
                .isInstanceOf(NotAllowedException.class)
                .hasMessage("That request no longer exists.");
    }

    @Test
    void incoming_requests_are_newest_first_and_friends_are_listed_by_name() {
        UserSummary me = users.create("me");
        UserSummary charlie =
                accounts.register(TestUsers.uniqueName("c"), "charlie", "password1", TestUsers.newAddress());
        UserSummary alpha = accounts.register(TestUsers.uniqueName("a"), "Alpha", "password1", TestUsers.newAddress());
        UserSummary beta = accounts.register(TestUsers.uniqueName("b"), "beta", "password1", TestUsers.newAddress());
        run(charlie, () -> friends.sendRequest(me.id(), "1st"));
        run(alpha, () -> friends.sendRequest(me.id(), "2nd"));
        run(beta, () -> friends.sendRequest(me.id(), "3rd"));

        assertThat(incoming(me)).extracting(PendingRequest::note).containsExactly("3rd", "2nd", "1st");
        assertThat(as(me, friends::incomingRequestCount)).isEqualTo(3);

        for (PendingRequest request : incoming(me)) {
            run(me, () -> friends.acceptRequest(request.id()));
        }
        assertThat(as(me, friends::friends)).containsExactly(alpha, beta, charlie);
        assertThat(as(me, friends::incomingRequestCount)).isZero();
    }

    @Test
    void a_declined_request_leaves_both_strangers_and_only_the_decliner_may_ask_at_once() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        run(ann, () -> friends.sendRequest(bob.id(), null));

        run(bob, () -> friends.declineRequest(incoming(bob).getFirst().id()));

        assertThat(incoming(bob)).isEmpty();
        assertThat(outgoing(ann)).isEmpty();
        assertThat(as(ann, friends::friends)).isEmpty();
        assertThat(relationship(ann, bob)).isEqualTo(Relationship.NONE);
        // Ann waits out the cooldown (FriendRequestLimitsTest); Bob, who said no, may change his mind.
        assertThatThrownBy(() -> run(ann, () -> friends.sendRequest(bob.id(), "Second try?")))
                .isInstanceOf(TooManyAttemptsException.class);
        assertThat(incoming(bob)).isEmpty();
        assertThat(as(bob, () -> friends.sendRequest(ann.id(), "Actually, yes")))
                .isEqualTo(Relationship.REQUEST_SENT);
        assertThat(incoming(ann)).extracting(PendingRequest::note).containsExactly("Actually, yes");
    }

    @Test
    void a_cancelled_request_disappears_for_the_recipient() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        run(ann, () -> friends.sendRequest(bob.id(), null));

        run(ann, () -> friends.cancelRequest(outgoing(ann).getFirst().id()));

        assertThat(incoming(bob)).isEmpty();
        assertThat(as(bob, friends::incomingRequestCount)).isZero();
        assertThat(outgoing(ann)).isEmpty();
        assertThat(relationship(bob, ann)).isEqualTo(Relationship.NONE);
    }

    @Test
    void nobody_else_can_accept_decline_or_cancel_a_request() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        UserSummary mallory = users.create("mallory");
        run(ann, () -> friends.sendRequest(bob.id(), "hello"));
        long requestId = incoming(bob).getFirst().id();

        run(mallory, () -> {
            assertThatThrownBy(() -> friends.acceptRequest(requestId))
                    .isInstanceOf(NotAllowedException.class)
                    .hasMessage("That request no longer exists.");
            assertThatThrownBy(() -> friends.declineRequest(requestId))
                    .isInstanceOf(NotAllowedException.class)
                    .hasMessage("That request no longer exists.");
            assertThatThrownBy(() -> friends.cancelRequest(requestId))
                    .isInstanceOf(NotAllowedException.class)
                    .hasMessage("That request no longer exists.");
        });
        // The two people in it can each do only their own part.
        run(
                bob,
                () -> assertThatThrownBy(() -> friends.cancelRequest(requestId))
                        .isInstanceOf(NotAllowedException.class)
                        .hasMessage("Only the sender can cancel a request."));
        run(
                ann,
                () -> assertThatThrownBy(() -> friends.acceptRequest(requestId))
                        .isInstanceOf(NotAllowedException.class)
                        .hasMessage("Only the recipient can accept a request."));
        run(
                ann,
                () -> assertThatThrownBy(() -> friends.declineRequest(requestId))
                        .isInstanceOf(NotAllowedException.class)
                        .hasMessage("Only the recipient can decline a request."));

        assertThat(incoming(bob)).extracting(PendingRequest::id).containsExactly(requestId);
        assertThat(outgoing(ann)).extracting(PendingRequest::id).containsExactly(requestId);
        assertThat(as(mallory, friends::friends)).isEmpty();
        assertThat(incoming(mallory)).isEmpty();
        assertThat(friendGraph.areFriends(ann.id(), bob.id())).isFalse();
        assertThat(friendGraph.areFriends(mallory.id(), bob.id())).isFalse();
        assertThat(relationship(mallory, bob)).isEqualTo(Relationship.NONE);
    }

    @Test
    void a_second_request_to_the_same_person_is_refused() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        run(ann, () -> friends.sendRequest(bob.id(), "first"));

        assertThatThrownBy(() -> run(ann, () -> friends.sendRequest(bob.id(), "second")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("You already sent " + bob.displayName() + " a request.");

        assertThat(incoming(bob)).extracting(PendingRequest::note).containsExactly("first");
    }

    @Test
    void asking_someone_who_already_asked_you_makes_you_friends() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        run(bob, () -> friends.sendRequest(ann.id(), null));

        assertThat(as(ann, () -> friends.sendRequest(bob.id(), null))).isEqualTo(Relationship.FRIEND);

        assertThat(friendGraph.areFriends(ann.id(), bob.id())).isTrue();
        assertThat(as(ann, friends::friends)).containsExactly(bob);
        assertThat(as(bob, friends::friends)).containsExactly(ann);
        assertThat(incoming(ann)).isEmpty();
        assertThat(incoming(bob)).isEmpty();
        assertThat(outgoing(ann)).isEmpty();
        assertThat(outgoing(bob)).isEmpty();
    }

    @Test
    void requests_to_yourself_to_nobody_or_to_a_friend_are_refused() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        makeFriends(ann, bob);

        run(ann, () -> {
            assertThatThrownBy(() -> friends.sendRequest(ann.id(), null))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("That is you.");
            assertThatThrownBy(() -> friends.sendRequest(Long.MAX_VALUE, null))
                    .isInstanceOf(NotAllowedException.class)
                    .hasMessage("No such person.");
            assertThatThrownBy(() -> friends.sendRequest(bob.id(), null))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("You are already friends with " + bob.displayName() + ".");
        });
        assertThat(outgoing(ann)).isEmpty();
        assertThat(incoming(bob)).isEmpty();
    }

    @Test
    void a_note_longer_than_500_characters_is_refused_and_nothing_is_sent() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");

        assertThatThrownBy(() -> run(ann, () -> friends.sendRequest(bob.id(), "n".repeat(501))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("The note can be at most 500 characters (it has 501).");
        assertThat(incoming(bob)).isEmpty();
        assertThat(outgoing(ann)).isEmpty();

        run(ann, () -> friends.sendRequest(bob.id(), "n".repeat(500)));
        assertThat(incoming(bob)).extracting(PendingRequest::note).containsExactly("n".repeat(500));
    }

    @Test
    void a_blank_note_is_no_note() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");

        run(ann, () -> friends.sendRequest(bob.id(), "   "));

        assertThat(incoming(bob))
                .singleElement()
                .extracting(PendingRequest::note)
                .isNull();
    }

    // ----------------------------------------------------------------------------------------------
    // Friends, blocks

    @Test
    void removing_a_friend_ends_the_friendship_for_both() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        UserSummary carl = users.create("carl");
        makeFriends(ann, bob);
        makeFriends(ann, carl);

        run(bob, () -> friends.removeFriend(ann.id()));

        assertThat(as(ann, friends::friends)).containsExactly(carl);
        assertThat(as(bob, friends::friends)).isEmpty();
        assertThat(friendGraph.areFriends(ann.id(), bob.id())).isFalse();
        assertThat(friendGraph.areFriends(ann.id(), carl.id())).isTrue();
        assertThat(relationship(ann, bob)).isEqualTo(Relationship.NONE);
        assertThatThrownBy(() -> run(ann, () -> friends.removeFriend(bob.id())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("You are not friends.");
        // They may become friends again.
        assertThat(as(ann, () -> friends.sendRequest(bob.id(), null))).isEqualTo(Relationship.REQUEST_SENT);
    }

    @Test
    void blocking_ends_the_friendship_and_the_blocked_user_cannot_ask_again() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        makeFriends(ann, bob);

        run(ann, () -> friends.block(bob.id()));

        assertThat(as(ann, friends::friends)).isEmpty();
        assertThat(as(bob, friends::friends)).isEmpty();
        assertThat(friendGraph.areFriends(ann.id(), bob.id())).isFalse();
        assertThat(as(ann, friends::blockedUsers)).containsExactly(bob);
        assertThat(relationship(ann, bob)).isEqualTo(Relationship.BLOCKED);

        assertThatThrownBy(() -> run(bob, () -> friends.sendRequest(ann.id(), "please")))
                .isInstanceOf(NotAllowedException.class)
                .hasMessage("You can't send " + ann.displayName() + " a friend request.");
        assertThatThrownBy(() -> run(ann, () -> friends.sendRequest(bob.id(), null)))
                .isInstanceOf(NotAllowedException.class)
                .hasMessage("You blocked " + bob.displayName() + ". Unblock them first.");
        assertThat(incoming(ann)).isEmpty();
        assertThat(incoming(bob)).isEmpty();
    }

    @Test
    void blocking_closes_pending_requests_in_both_directions() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        UserSummary carl = users.create("carl");
        run(bob, () -> friends.sendRequest(ann.id(), "from bob"));
        run(ann, () -> friends.sendRequest(carl.id(), "to carl"));

        run(ann, () -> friends.block(bob.id()));
        run(ann, () -> friends.block(carl.id()));

        assertThat(incoming(ann)).isEmpty();
        assertThat(as(ann, friends::incomingRequestCount)).isZero();
        assertThat(outgoing(ann)).isEmpty();
        assertThat(outgoing(bob)).isEmpty();
        assertThat(incoming(carl)).isEmpty();
        assertThat(friendGraph.areFriends(ann.id(), bob.id())).isFalse();
        assertThat(as(ann, friends::blockedUsers)).containsExactly(carl, bob);
        // The old request cannot be used to become friends behind the block.
        assertThatThrownBy(() -> run(carl, () -> friends.sendRequest(ann.id(), null)))
                .isInstanceOf(NotAllowedException.class);
        assertThat(friendGraph.areFriends(ann.id(), carl.id())).isFalse();
    }

    @Test
    void unblocking_lets_them_ask_again_but_does_not_restore_the_friendship() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        makeFriends(ann, bob);
        run(ann, () -> friends.block(bob.id()));

        run(ann, () -> friends.unblock(bob.id()));

        assertThat(as(ann, friends::blockedUsers)).isEmpty();
        assertThat(relationship(ann, bob)).isEqualTo(Relationship.NONE);
        assertThat(friendGraph.areFriends(ann.id(), bob.id())).isFalse();
        assertThat(as(bob, () -> friends.sendRequest(ann.id(), "friends again?")))
                .isEqualTo(Relationship.REQUEST_SENT);
        assertThat(incoming(ann)).extracting(PendingRequest::note).containsExactly("friends again?");
    }

    @Test
    void a_block_by_either_side_stops_them_being_friends() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        makeFriends(ann, bob);

        run(bob, () -> friends.block(ann.id()));

        assertThat(friendGraph.areFriends(ann.id(), bob.id())).isFalse();
        assertThat(friendGraph.areFriends(bob.id(), ann.id())).isFalse();
        assertThat(relationship(bob, ann)).isEqualTo(Relationship.BLOCKED);
        assertThat(as(ann, friends::blockedUsers)).isEmpty();
    }

    @Test
    void calls_without_a_signed_in_user_are_refused() {
        UserSummary bob = users.create("bob");
        SecurityContextHolder.clearContext();

        for (Runnable call : List.<Runnable>of(
                () -> friends.searchPeople("bob", null, 10),
                () -> friends.sendRequest(bob.id(), null),
                () -> friends.block(bob.id()),
                friends::friends,
                friends::incomingRequests)) {
            // Method security turns them away before the method runs (each method would refuse them too).
            assertThatThrownBy(call::run).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        }
        assertThat(incoming(bob)).isEmpty();
    }

    // ----------------------------------------------------------------------------------------------
    // Live events. LiveEvents delivers on its own threads, in publication order per recipient, so a test
    // waits for what must arrive, and proves that something did not arrive by a later event that must.

    @Test
    void the_recipient_hears_of_a_request_once_it_is_stored() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        UserSummary carl = users.create("carl");
        List<UserEvent> bobHeard = heardEvents.listen(bob);
        List<UserEvent> carlHeard = heardEvents.listen(carl);
        List<Integer> bobsPendingWhenTold = new CopyOnWriteArrayList<>();
        heardEvents.listen(
                bob.id(), event -> bobsPendingWhenTold.add(incoming(bob).size()));

        run(ann, () -> friends.sendRequest(bob.id(), "hi"));

        assertThat(awaitEvents(bobHeard, 1)).singleElement().isInstanceOfSatisfying(FriendsChanged.class, changed -> {
            assertThat(changed.kind()).isEqualTo(FriendsChanged.Kind.REQUEST_SENT);
            assertThat(changed.actor()).isEqualTo(ann);
            assertThat(changed.recipients()).containsExactlyInAnyOrder(ann.id(), bob.id());
        });
        await().atMost(WAIT).until(() -> !bobsPendingWhenTold.isEmpty());
        assertThat(bobsPendingWhenTold)
                .as("when told, Bob's list already has the request")
                .containsExactly(1);

        run(bob, () -> friends.acceptRequest(incoming(bob).getFirst().id()));
        assertThat(awaitEvents(bobHeard, 2).getLast())
                .isInstanceOfSatisfying(
                        FriendsChanged.class,
                        changed -> assertThat(changed.kind()).isEqualTo(FriendsChanged.Kind.REQUEST_ACCEPTED));

        // Carl was not involved: the first thing he hears is what later happens to him.
        run(ann, () -> friends.sendRequest(carl.id(), null));
        assertThat(kinds(awaitEvents(carlHeard, 1))).containsExactly(FriendsChanged.Kind.REQUEST_SENT);
    }

    @Test
    void nobody_hears_anything_when_a_call_is_refused() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        UserSummary mallory = users.create("mallory");
        run(ann, () -> friends.sendRequest(bob.id(), "first"));
        run(bob, () -> friends.block(mallory.id()));
        long requestId = incoming(bob).getFirst().id();
        List<UserEvent> annHeard = heardEvents.listen(ann);
        List<UserEvent> bobHeard = heardEvents.listen(bob);
        List<UserEvent> malloryHeard = heardEvents.listen(mallory);

        assertThatThrownBy(() -> run(ann, () -> friends.sendRequest(bob.id(), "again")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> run(ann, () -> friends.sendRequest(bob.id(), "x".repeat(501))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> run(mallory, () -> friends.acceptRequest(requestId)))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> run(mallory, () -> friends.cancelRequest(requestId)))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> run(mallory, () -> friends.sendRequest(bob.id(), null)))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> run(bob, () -> friends.removeFriend(ann.id())))
                .isInstanceOf(InvalidInputException.class);

        // Then things that succeed: each is the first (and only) news its people get.
        run(ann, () -> friends.cancelRequest(requestId));
        run(mallory, () -> friends.sendRequest(ann.id(), null));
        assertThat(kinds(awaitEvents(bobHeard, 1))).containsExactly(FriendsChanged.Kind.REQUEST_CANCELLED);
        assertThat(kinds(awaitEvents(malloryHeard, 1))).containsExactly(FriendsChanged.Kind.REQUEST_SENT);
        assertThat(kinds(awaitEvents(annHeard, 2)))
                .containsExactly(FriendsChanged.Kind.REQUEST_CANCELLED, FriendsChanged.Kind.REQUEST_SENT);
    }

    private void makeFriends(UserSummary a, UserSummary b) {
        run(a, () -> friends.sendRequest(b.id(), null));
        run(
                b,
                () -> friends.acceptRequest(incoming(b).stream()
                        .filter(r -> r.other().id() == a.id())
                        .findFirst()
                        .orElseThrow()
                        .id()));
        assertThat(friendGraph.areFriends(a.id(), b.id())).isTrue();
    }

    /** The kind of each FriendsChanged; any other event stays as it is, and fails the comparison. */
    private static List<Object> kinds(List<UserEvent> events) {
        return events.stream()
                .map(e -> e instanceof FriendsChanged changed ? (Object) changed.kind() : e)
                .toList();
    }

    private List<PendingRequest> incoming(UserSummary user) {
        return as(user, friends::incomingRequests);
    }

    private List<PendingRequest> outgoing(UserSummary user) {
        return as(user, friends::outgoingRequests);
    }

    private Relationship relationship(UserSummary viewer, UserSummary other) {
        return as(viewer, () -> friends.searchPeople(other.username(), null, 50)).stream()
                .filter(p -> p.user().id() == other.id())
                .findFirst()
                .orElseThrow()
                .relationship();
    }

    private UserSummary named(String role, String token) {
        return accounts.register(TestUsers.uniqueName(role), role + " " + token, "password1", TestUsers.newAddress());
    }

    private static String token() {
        return "q" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private static List<Long> ids(List<PersonResult> results) {
        return results.stream().map(p -> p.user().id()).toList();
    }

    private static Map<Long, PersonResult> byId(List<PersonResult> results) {
        return results.stream().collect(Collectors.toMap(p -> p.user().id(), Function.identity()));
    }
}
