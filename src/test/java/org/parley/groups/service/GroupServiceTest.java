package org.parley.groups.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.parley.support.HeardEvents.awaitEvents;
import static org.parley.support.TestUsers.as;
import static org.parley.support.TestUsers.run;
import static org.parley.support.TestUsers.uniqueName;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.account.service.UserSummary;
import org.parley.base.service.InvalidInputException;
import org.parley.base.service.NotAllowedException;
import org.parley.base.service.UserEvent;
import org.parley.chat.service.ChatMessageView;
import org.parley.chat.service.ChatService;
import org.parley.chat.service.ConversationOverview;
import org.parley.chat.service.ConversationSummary;
import org.parley.chat.service.MessagePosted;
import org.parley.chat.service.ReadMarkers;
import org.parley.groups.domain.ChatGroup.JoinPolicy;
import org.parley.groups.domain.GroupAdminLogEntry.Action;
import org.parley.groups.domain.GroupMember.Role;
import org.parley.support.HeardEvents;
import org.parley.support.Lines;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Groups against the real database, every call committed on its own (no {@code @Transactional} here: live
 * events go out only after a commit, and a refusal must leave the database as it was). Callers are forged
 * with {@link TestUsers#as}: the service judges by who is signed in, whatever ids it is handed. Each
 * refused call is checked twice: the refusal itself, and a snapshot of the group taken by an administrator
 * before and after it (members, roles, mutes, queue, bans, log, conversation) that must not have moved.
 */
@SpringBootTest
class GroupServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String ADMINS_ONLY = "Only the group's administrators can do that.";
    private static final String OWNER_ONLY = "Only the owner of the group can do that.";
    private static final String NOT_ON_OWNER = "Nobody can do that to the owner of the group.";
    private static final String NOT_ON_ADMIN = "Only the owner can do that to an administrator.";
    private static final String NOT_ON_SELF = "You can't do that to yourself.";
    private static final String NOT_A_MEMBER = "You are not a member of this group.";
    private static final String CONVERSATION_NOT_FOUND = "Conversation not found.";
    private static final String ANSWERED = "That request was already answered.";
    private static final String NO_SUCH_REQUEST = "That request no longer exists.";
    /** How the chat words the end of a mute. */
    private static final DateTimeFormatter UNTIL =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    @Autowired
    GroupService groups;

    @Autowired
    GroupRequests groupRequests;

    @Autowired
    GroupModeration moderation;

    @Autowired
    GroupSettings groupSettings;

    @Autowired
    ChatService chat;

    @Autowired
    ConversationOverview overview;

    @Autowired
    ReadMarkers readMarkers;

    @Autowired
    TestUsers users;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    HeardEvents heardEvents;

    @AfterEach
    void cleanUp() {
        heardEvents.close();
        SecurityContextHolder.clearContext();
    }

    // ----------------------------------------------------------------------------------------------
    // Creating

    @Test
    void the_creator_owns_a_new_group_which_by_default_needs_approval() {
        UserSummary ann = users.create("ann");
        String name = uniqueName("Book club");

        GroupSummary group = as(ann, () -> groups.create("  " + name + "  ", "  We read, then talk.  ", null));

        assertThat(group.name()).as("blanks around the name dropped").isEqualTo(name);
        assertThat(group.description()).isEqualTo("We read, then talk.");
        assertThat(group.joinPolicy()).isEqualTo(JoinPolicy.APPROVAL);
        assertThat(group.memberCount()).isEqualTo(1);
        assertThat(group.mutedAll()).isFalse();
        run(ann, () -> {
            assertThat(groups.group(group.id())).isEqualTo(group);
            assertThat(groups.myMembership(group.id()).role()).isEqualTo(Role.OWNER);
            assertThat(groups.members(group.id()))
                    .extracting(m -> m.user().id(), GroupMemberView::role)
                    .containsExactly(tuple(ann.id(), Role.OWNER));
            assertThat(groups.myGroups()).containsExactly(group);
            assertThat(groups.groupOfConversation(group.conversationId())).isEqualTo(group);
            assertThat(overview.conversations())
                    .filteredOn(c -> c.id() == group.conversationId())
                    .singleElement()
                    .satisfies(c -> {
                        assertThat(c.title().inEnglish()).isEqualTo(name);
                        assertThat(c.isGroup()).isTrue();
                    });
            assertThat(chat.history(group.conversationId(), null, 50))
                    .extracting(Lines::of, ChatMessageView::system)
                    .containsExactly(tuple("Ann Tester created the group", true));
        });

        GroupSummary open = as(ann, () -> groups.create(uniqueName("Open house"), "   ", JoinPolicy.OPEN));
        assertThat(open.joinPolicy()).isEqualTo(JoinPolicy.OPEN);
        assertThat(open.description()).as("a blank description is none").isNull();
        GroupSummary invitation = as(ann, () -> groups.create(uniqueName("Inner circle"), null, JoinPolicy.INVITATION));
        assertThat(invitation.joinPolicy()).isEqualTo(JoinPolicy.INVITATION);
    }

    @Test
    void a_group_needs_a_name_of_at_most_64_characters_and_a_description_of_at_most_500() {
        UserSummary ann = users.create("ann");

        for (String blank : new String[] {null, "", "   ", "\n\t"}) {
            assertThatThrownBy(() -> run(ann, () -> groups.create(blank, "fine", null)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("A group name cannot be empty.");
        }
        assertThatThrownBy(() -> run(ann, () -> groups.create("n".repeat(65), null, null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("A group name can be at most 64 characters (it has 65).");
        assertThatThrownBy(() -> run(ann, () -> groups.create(uniqueName("Fine"), "d".repeat(501), null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("The description can be at most 500 characters (it has 501).");
        assertThat(as(ann, groups::myGroups)).as("nothing was created").isEmpty();
        assertThat(as(ann, overview::conversations))
                .as("not even a conversation")
                .isEmpty();

        String longestName = (uniqueName("g") + "n".repeat(64)).substring(0, 64);
        String longestDescription = "é".repeat(499) + "!";
        GroupSummary group = as(ann, () -> groups.create(longestName, longestDescription, null));
        assertThat(as(ann, () -> groups.group(group.id()))).satisfies(g -> {
            assertThat(g.name()).isEqualTo(longestName);
            assertThat(g.description()).isEqualTo(longestDescription);
        });
    }

    // ----------------------------------------------------------------------------------------------
    // Finding

    @Test
    void search_finds_groups_by_name_or_description_ignoring_case_with_where_the_caller_stands() {
        Map<String, UserSummary> who = users.createAll("owner", "seeker");
        UserSummary owner = who.get("owner");
        UserSummary seeker = who.get("seeker");
        String token = uniqueName("tok");
        GroupSummary byName = create(owner, "Chess " + token.toUpperCase(), null, JoinPolicy.OPEN);
        GroupSummary byDescription =
                create(owner, uniqueName("Knitting"), "Meet the " + token + " crowd", JoinPolicy.APPROVAL);
        GroupSummary asked = create(owner, "Pending " + token, null, JoinPolicy.APPROVAL);
        GroupSummary banned = create(owner, "Banned " + token, null, JoinPolicy.OPEN);
        GroupSummary invitation = create(owner, "Invite " + token, null, JoinPolicy.INVITATION);
        create(owner, uniqueName("Unrelated"), "nothing to see", JoinPolicy.OPEN);
        run(seeker, () -> groups.join(byName.id(), null));
        run(seeker, () -> groups.join(asked.id(), "please"));
        run(owner, () -> moderation.ban(banned.id(), seeker.id(), null));
        long requestId = as(owner, () -> groupRequests.pendingRequests(asked.id()))
                .getFirst()
                .id();

        List<GroupResult> found = as(seeker, () -> groups.search("  " + token.toUpperCase() + " ", null, 50));

        assertThat(found)
                .extracting(r -> r.group().id(), GroupResult::standing, GroupResult::requestId)
                .containsExactly(
                        tuple(banned.id(), Standing.BANNED, null),
                        tuple(byName.id(), Standing.MEMBER, null),
                        tuple(invitation.id(), Standing.NONE, null),
                        tuple(byDescription.id(), Standing.NONE, null),
                        tuple(asked.id(), Standing.REQUEST_PENDING, requestId));
        assertThat(found).extracting(r -> r.group().memberCount()).containsExactly(1, 2, 1, 1, 1);
        assertThat(found)
                .extracting(r -> r.group().joinPolicy())
                .containsExactly(
                        JoinPolicy.OPEN,
                        JoinPolicy.OPEN,
                        JoinPolicy.INVITATION,
                        JoinPolicy.APPROVAL,
                        JoinPolicy.APPROVAL);
        assertThat(as(owner, () -> groups.search(token.toLowerCase(), null, 50)))
                .as("the owner is a member of all of them")
                .extracting(GroupResult::standing)
                .containsOnly(Standing.MEMBER)
                .hasSize(5);
        assertThat(as(seeker, () -> groups.search("chess " + token, null, 50)))
                .extracting(r -> r.group().id())
                .containsExactly(byName.id());
        assertThat(as(seeker, () -> groups.search("   ", null, 50))).isEmpty();
        assertThat(as(seeker, () -> groups.search("%" + token, null, 50)))
                .as("wildcards are plain characters")
                .isEmpty();
    }

    @Test
    void search_pages_through_results_by_name_without_gaps_or_repeats() {
        UserSummary owner = users.create("owner");
        String token = uniqueName("page");
        List<GroupSummary> created = new ArrayList<>();
        for (String word : List.of("Delta", "alpha", "Charlie", "bravo", "echo", "ALPHA", "foxtrot")) {
            created.add(create(owner, word + " " + token, null, JoinPolicy.OPEN));
        }
        List<Long> expected = created.stream()
                .sorted(Comparator.comparing((GroupSummary g) -> g.name().toLowerCase())
                        .thenComparing(GroupSummary::id))
                .map(GroupSummary::id)
                .toList();

        List<Long> walked = new ArrayList<>();
        GroupSummary after = null;
        for (int guard = 0; guard < 20; guard++) {
            GroupSummary cursor = after;
            List<GroupResult> page = as(owner, () -> groups.search(token, cursor, 2));
            if (page.isEmpty()) {
                break;
            }
            assertThat(page.size()).isLessThanOrEqualTo(2);
            page.forEach(r -> walked.add(r.group().id()));
            after = page.getLast().group();
        }

        assertThat(walked).containsExactlyElementsOf(expected);
        assertThat(as(owner, () -> groups.search(token, null, 50)))
                .extracting(r -> r.group().id())
                .containsExactlyElementsOf(expected);
        assertThat(as(owner, () -> groups.search(token, null, 0)))
                .as("at least one per page")
                .hasSize(1);
    }

    // ----------------------------------------------------------------------------------------------
    // Joining

    @Test
    void an_open_group_is_joined_at_once() {
        Map<String, UserSummary> who = users.createAll("owner", "bob");
        UserSummary owner = who.get("owner");
        UserSummary bob = who.get("bob");
        GroupSummary group = create(owner, uniqueName("Open"), null, JoinPolicy.OPEN);

        assertThat(as(bob, () -> groups.join(group.id(), null))).isEqualTo(Standing.MEMBER);

        run(bob, () -> {
            assertThat(groups.myMembership(group.id()).role()).isEqualTo(Role.MEMBER);
            assertThat(groups.myGroups()).extracting(GroupSummary::id).contains(group.id());
            assertThat(groups.group(group.id()).memberCount()).isEqualTo(2);
            chat.send(group.conversationId(), "hello all");
        });
        assertThat(as(owner, () -> chat.history(group.conversationId(), null, 50)))
                .extracting(Lines::of)
                .endsWith("Bob Tester joined", "hello all");
        assertThat(as(owner, () -> groupRequests.pendingRequestCount(group.id())))
                .as("no request needed")
                .isZero();

        assertThat(as(bob, () -> groups.join(group.id(), null)))
                .as("joining again is harmless")
                .isEqualTo(Standing.MEMBER);
        assertThat(as(owner, () -> groups.members(group.id()))).hasSize(2);
        assertThat(as(owner, () -> groups.group(group.id())).memberCount()).isEqualTo(2);
    }

    @Test
    void a_group_needing_approval_takes_one_pending_request_that_only_the_requester_can_cancel() {
        Crew crew = crew(JoinPolicy.APPROVAL, "carol", "mallory");
        UserSummary carol = crew.guest("carol");
        UserSummary mallory = crew.guest("mallory");

        assertThat(as(carol, () -> groups.join(crew.id(), "  I like books  "))).isEqualTo(Standing.REQUEST_PENDING);

        JoinRequestView request =
                as(crew.owner, () -> groupRequests.pendingRequests(crew.id())).getFirst();
        assertThat(as(crew.owner, () -> groupRequests.pendingRequests(crew.id())))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.requester()).isEqualTo(carol);
                    assertThat(r.message()).isEqualTo("I like books");
                    assertThat(r.groupId()).isEqualTo(crew.id());
                    assertThat(r.sentAt()).isNotNull();
                });
        assertStaysOut(carol, crew);
        assertThat(standing(carol, crew.group)).isEqualTo(Standing.REQUEST_PENDING);

        assertRefused(
                crew.owner,
                crew,
                carol,
                () -> groups.join(crew.id(), "me again"),
                InvalidInputException.class,
                "You already asked to join " + crew.group.name() + ". An administrator will answer.");
        for (UserSummary someoneElse : List.of(mallory, crew.member, crew.admin, crew.owner)) {
            assertRefused(
                    crew.owner,
                    crew,
                    someoneElse,
                    () -> groupRequests.cancelJoinRequest(request.id()),
                    NotAllowedException.class,
                    NO_SUCH_REQUEST);
        }

        run(carol, () -> groupRequests.cancelJoinRequest(request.id()));

        assertThat(as(crew.admin, () -> groupRequests.pendingRequests(crew.id())))
                .isEmpty();
        assertThat(as(crew.admin, () -> groupRequests.pendingRequestCount(crew.id())))
                .isZero();
        assertThat(standing(carol, crew.group)).isEqualTo(Standing.NONE);
        assertRefused(
                crew.owner,
                crew,
                carol,
                () -> groupRequests.cancelJoinRequest(request.id()),
                NotAllowedException.class,
                NO_SUCH_REQUEST);
        assertRefused(
                crew.owner,
                crew,
                crew.admin,
                () -> groupRequests.approve(request.id()),
                NotAllowedException.class,
                ANSWERED);
        assertStaysOut(carol, crew);

        assertThat(as(carol, () -> groups.join(crew.id(), null)))
                .as("may ask again")
                .isEqualTo(Standing.REQUEST_PENDING);
        assertThat(as(crew.admin, () -> groupRequests.pendingRequests(crew.id())))
                .singleElement()
                .satisfies(r -> assertThat(r.id()).isNotEqualTo(request.id()));
    }

    @Test
    void an_invitation_only_group_cannot_be_joined_only_added_to_by_an_administrator() {
        Crew crew = crew(JoinPolicy.INVITATION, "carol");
        UserSummary carol = crew.guest("carol");

        assertRefused(
                crew.owner,
                crew,
                carol,
                () -> groups.join(crew.id(), "please"),
                NotAllowedException.class,
                crew.group.name() + " is by invitation only: an administrator has to add you.");
        assertThat(standing(carol, crew.group)).isEqualTo(Standing.NONE);
        assertRefused(
                crew.owner,
                crew,
                crew.member,
                () -> groups.addMember(crew.id(), carol.id()),
                NotAllowedException.class,
                ADMINS_ONLY);
        assertRefused(
                crew.owner,
                crew,
                carol,
                () -> groups.addMember(crew.id(), carol.id()),
                NotAllowedException.class,
                ADMINS_ONLY);
        assertStaysOut(carol, crew);

        run(crew.admin, () -> groups.addMember(crew.id(), carol.id()));

        assertThat(as(carol, () -> groups.myMembership(crew.id())).role()).isEqualTo(Role.MEMBER);
        assertThat(as(carol, () -> chat.history(crew.conversation(), null, 50)))
                .extracting(Lines::of)
                .last()
                .isEqualTo("Admin Tester added Carol Tester");
        assertRefused(
                crew.owner,
                crew,
                crew.admin,
                () -> groups.addMember(crew.id(), carol.id()),
                InvalidInputException.class,
                "Carol Tester is already a member.");
        assertRefused(
                crew.owner,
                crew,
                crew.admin,
                () -> groups.addMember(crew.id(), Long.MAX_VALUE),
                NotAllowedException.class,
                "No such person.");
    }

    // ----------------------------------------------------------------------------------------------
    // The request queue

    @Test
    void only_administrators_see_the_request_queue() {
        Crew crew = crew(JoinPolicy.APPROVAL, "carol", "outsider");
        UserSummary carol = crew.guest("carol");
        UserSummary outsider = crew.guest("outsider");
        run(carol, () -> groups.join(crew.id(), "hi"));

        for (UserSummary administrator : List.of(crew.owner, crew.admin, crew.otherAdmin)) {
            assertThat(as(administrator, () -> groupRequests.pendingRequests(crew.id())))
                    .extracting(r -> r.requester().id())
                    .containsExactly(carol.id());
            assertThat(as(administrator, () -> groupRequests.pendingRequestCount(crew.id())))
                    .isEqualTo(1);
        }
        for (UserSummary forged : List.of(crew.member, carol, outsider)) {
            assertAllRefused(
                    crew.owner,
                    crew,
                    forged,
                    NotAllowedException.class,
                    ADMINS_ONLY,
                    List.of(
                            () -> groupRequests.pendingRequests(crew.id()),
                            () -> groupRequests.pendingRequestCount(crew.id())));
        }
    }

    @Test
    void a_plain_member_or_an_outsider_cannot_answer_a_request() {
        Crew crew = crew(JoinPolicy.APPROVAL, "carol", "outsider");
        UserSummary carol = crew.guest("carol");
        UserSummary outsider = crew.guest("outsider");
        run(carol, () -> groups.join(crew.id(), null));
        long request = as(crew.owner, () -> groupRequests.pendingRequests(crew.id()))
                .getFirst()
                .id();

        for (UserSummary forged : List.of(crew.member, carol, outsider)) {
            assertAllRefused(
                    crew.owner,
                    crew,
                    forged,
                    NotAllowedException.class,
                    ADMINS_ONLY,
                    List.of(() -> groupRequests.approve(request), () -> groupRequests.reject(request, "no")));
        }
        assertStaysOut(carol, crew);
        assertThat(standing(carol, crew.group)).isEqualTo(Standing.REQUEST_PENDING);
    }

    @Test
    void an_approved_requester_becomes_a_member_who_can_read_and_write() {
        Crew crew = crew(JoinPolicy.APPROVAL, "carol");
        UserSummary carol = crew.guest("carol");
        run(crew.owner, () -> chat.send(crew.conversation(), "before you came"));
        run(carol, () -> groups.join(crew.id(), "let me in"));
        long request = as(crew.admin, () -> groupRequests.pendingRequests(crew.id()))
                .getFirst()
                .id();

        run(crew.admin, () -> groupRequests.approve(request));

        run(carol, () -> {
            assertThat(groups.myMembership(crew.id()).role()).isEqualTo(Role.MEMBER);
            assertThat(groups.myGroups()).extracting(GroupSummary::id).contains(crew.id());
            assertThat(overview.conversations())
                    .extracting(ConversationSummary::id)
                    .contains(crew.conversation());
            assertThat(chat.history(crew.conversation(), null, 50))
                    .extracting(Lines::of)
                    .endsWith("before you came", "Carol Tester joined");
            chat.send(crew.conversation(), "thanks!");
            readMarkers.markRead(crew.conversation(), readMarkers.unreadCounts());
        });
        assertThat(as(crew.member, () -> chat.history(crew.conversation(), null, 50)))
                .extracting(Lines::of)
                .last()
                .isEqualTo("thanks!");
        assertThat(standing(carol, crew.group)).isEqualTo(Standing.MEMBER);
        assertThat(as(crew.owner, () -> groupRequests.pendingRequests(crew.id())))
                .isEmpty();
        assertThat(as(crew.owner, () -> groups.group(crew.id())).memberCount()).isEqualTo(6);
        assertThat(as(crew.owner, () -> moderation.adminLog(crew.id(), null, 1)))
                .singleElement()
                .satisfies(e -> assertLogEntry(e, crew.admin, carol, Action.APPROVE, null));
    }

    @Test
    void a_rejected_requester_stays_out_and_may_ask_again() {
        Crew crew = crew(JoinPolicy.APPROVAL, "carol");
        UserSummary carol = crew.guest("carol");
        run(carol, () -> groups.join(crew.id(), null));
        long request = as(crew.admin, () -> groupRequests.pendingRequests(crew.id()))
                .getFirst()
                .id();

        run(crew.admin, () -> groupRequests.reject(request, "  Not now  "));

        assertStaysOut(carol, crew);
        assertThat(standing(carol, crew.group)).isEqualTo(Standing.NONE);
        assertThat(as(crew.owner, () -> groupRequests.pendingRequests(crew.id())))
                .isEmpty();
        assertThat(as(crew.owner, () -> groups.group(crew.id())).memberCount()).isEqualTo(5);
        assertThat(as(crew.owner, () -> moderation.adminLog(crew.id(), null, 1)))
                .singleElement()
                .satisfies(e -> assertLogEntry(e, crew.admin, carol, Action.REJECT, "Not now"));
        assertThat(as(carol, () -> groups.join(crew.id(), null))).isEqualTo(Standing.REQUEST_PENDING);
    }

    @Test
    void a_request_answered_by_one_administrator_cannot_be_answered_again_by_another() {
        Crew crew = crew(JoinPolicy.APPROVAL, "carol", "dave");
        UserSummary carol = crew.guest("carol");
        UserSummary dave = crew.guest("dave");
        run(carol, () -> groups.join(crew.id(), null));
        run(dave, () -> groups.join(crew.id(), null));
        List<JoinRequestView> queue = as(crew.owner, () -> groupRequests.pendingRequests(crew.id()));
        long carolsRequest = queue.get(0).id();
        long davesRequest = queue.get(1).id();

        run(crew.admin, () -> groupRequests.approve(carolsRequest));
        assertRefused(
                crew.owner,
                crew,
                crew.otherAdmin,
                () -> groupRequests.approve(carolsRequest),
                NotAllowedException.class,
                ANSWERED);
        assertRefused(
                crew.owner,
                crew,
                crew.owner,
                () -> groupRequests.reject(carolsRequest, "oops"),
                NotAllowedException.class,
                ANSWERED);

        run(crew.admin, () -> groupRequests.reject(davesRequest, null));
        assertRefused(
                crew.owner,
                crew,
                crew.otherAdmin,
                () -> groupRequests.approve(davesRequest),
                NotAllowedException.class,
                ANSWERED);
        assertRefused(
                crew.owner,
                crew,
                crew.owner,
                () -> groupRequests.reject(davesRequest, null),
                NotAllowedException.class,
                ANSWERED);

        assertThat(as(crew.owner, () -> groups.members(crew.id())))
                .extracting(m -> m.user().id())
                .containsOnlyOnce(carol.id())
                .doesNotContain(dave.id())
                .hasSize(6);
        assertThat(as(crew.owner, () -> groups.group(crew.id())).memberCount()).isEqualTo(6);
        assertStaysOut(dave, crew);
        assertThat(as(crew.owner, () -> moderation.adminLog(crew.id(), null, 2)))
                .extracting(AdminLogView::action, e -> e.target().id())
                .containsExactly(tuple(Action.REJECT, dave.id()), tuple(Action.APPROVE, carol.id()));
    }

    @Test
    void two_administrators_answering_the_same_request_at_the_same_moment_are_told_it_was_answered() throws Exception {
        Crew crew = crew(JoinPolicy.APPROVAL, "carol");
        UserSummary carol = crew.guest("carol");
        run(carol, () -> groups.join(crew.id(), null));
        long request = as(crew.owner, () -> groupRequests.pendingRequests(crew.id()))
                .getFirst()
                .id();
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        CountDownLatch approvedButNotCommitted = new CountDownLatch(1);

        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture<Throwable> rejection = CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            approvedButNotCommitted.await(WAIT.toSeconds(), TimeUnit.SECONDS);
                            run(crew.otherAdmin, () -> groupRequests.reject(request, "too late"));
                            return null;
                        } catch (Throwable refused) {
                            return refused;
                        }
                    },
                    executor);
            // The approval stays uncommitted a moment, time enough for the rejection to read the request.
            transaction.executeWithoutResult(status -> {
                run(crew.admin, () -> groupRequests.approve(request));
                approvedButNotCommitted.countDown();
                pause(Duration.ofMillis(400));
            });

            assertThat(rejection.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .isInstanceOf(NotAllowedException.class)
                    .hasMessage(ANSWERED);
        }
        assertThat(as(carol, () -> groups.myMembership(crew.id())).role()).isEqualTo(Role.MEMBER);
        assertThat(as(crew.owner, () -> moderation.adminLog(crew.id(), null, 50)))
                .extracting(AdminLogView::action)
                .containsOnlyOnce(Action.APPROVE)
                .doesNotContain(Action.REJECT);
        assertThat(as(crew.owner, () -> groupRequests.pendingRequests(crew.id())))
                .isEmpty();
        assertThat(standing(carol, crew.group)).isEqualTo(Standing.MEMBER);
    }

    @Test
    void people_joining_an_open_group_at_the_same_moment_are_all_counted() throws Exception {
        Map<String, UserSummary> who =
                users.createAll("owner", "joiner1", "joiner2", "joiner3", "joiner4", "joiner5", "joiner6");
        UserSummary owner = who.get("owner");
        List<UserSummary> joiners =
                who.values().stream().filter(u -> u != owner).toList();
        GroupSummary group = create(owner, uniqueName("Rush"), null, JoinPolicy.OPEN);
        CountDownLatch start = new CountDownLatch(1);

        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Standing>> joins = joiners.stream()
                    .map(joiner -> executor.submit(() -> {
                        start.await(WAIT.toSeconds(), TimeUnit.SECONDS);
                        return as(joiner, () -> groups.join(group.id(), null));
                    }))
                    .toList();
            start.countDown();
            for (Future<Standing> join : joins) {
                assertThat(join.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(Standing.MEMBER);
            }
        }

        assertThat(as(owner, () -> groups.members(group.id()))).hasSize(7);
        assertThat(as(owner, () -> groups.group(group.id())).memberCount()).isEqualTo(7);
        assertThat(as(owner, () -> groups.search(group.name(), null, 1)))
                .singleElement()
                .satisfies(r -> assertThat(r.group().memberCount()).isEqualTo(7));
    }

    // ----------------------------------------------------------------------------------------------
    // Roles

    @Test
    void only_the_owner_appoints_dismisses_and_hands_over() {
        Crew crew = crew(JoinPolicy.APPROVAL, "outsider");
        UserSummary outsider = crew.guest("outsider");

        for (UserSummary forged : List.of(crew.member, crew.admin, outsider)) {
            assertAllRefused(
                    crew.owner,
                    crew,
                    forged,
                    NotAllowedException.class,
                    OWNER_ONLY,
                    List.of(
                            () -> moderation.appoint(crew.id(), crew.otherMember.id()),
                            () -> moderation.dismiss(crew.id(), crew.otherAdmin.id()),
                            () -> moderation.handOver(crew.id(), crew.otherMember.id()),
                            () -> moderation.handOver(crew.id(), forged.id())));
        }
        assertRefused(
                crew.owner,
                crew,
                crew.member,
                () -> moderation.appoint(crew.id(), crew.member.id()),
                NotAllowedException.class,
                OWNER_ONLY);
        assertRefused(
                crew.owner,
                crew,
                crew.admin,
                () -> moderation.handOver(crew.id(), crew.admin.id()),
                NotAllowedException.class,
                OWNER_ONLY);

        run(crew.owner, () -> moderation.appoint(crew.id(), crew.member.id()));
        assertThat(roleOf(crew, crew.member)).isEqualTo(Role.ADMIN);
        assertThat(as(crew.member, () -> groupRequests.pendingRequestCount(crew.id())))
                .as("now sees the queue")
                .isZero();

        run(crew.owner, () -> moderation.dismiss(crew.id(), crew.member.id()));
        assertThat(roleOf(crew, crew.member)).isEqualTo(Role.MEMBER);
        assertRefused(
                crew.owner,
                crew,
                crew.member,
                () -> groupRequests.pendingRequestCount(crew.id()),
                NotAllowedException.class,
                ADMINS_ONLY);

        assertRefused(
                crew.owner,
                crew,
                crew.owner,
                () -> moderation.appoint(crew.id(), crew.admin.id()),
                InvalidInputException.class,
                "Admin Tester is already an administrator.");
        assertRefused(
                crew.owner,
                crew,
                crew.owner,
                () -> moderation.dismiss(crew.id(), crew.member.id()),
                InvalidInputException.class,
                "Member Tester is not an administrator.");
        assertRefused(
                crew.owner,
                crew,
                crew.owner,
                () -> moderation.appoint(crew.id(), outsider.id()),
                InvalidInputException.class,
                "Outsider Tester is not a member.");
        assertThat(as(crew.owner, () -> moderation.adminLog(crew.id(), null, 2)))
                .extracting(
                        AdminLogView::action,
                        e -> e.actor().id(),
                        e -> e.target().id())
                .containsExactly(
                        tuple(Action.DISMISS, crew.owner.id(), crew.member.id()),
                        tuple(Action.APPOINT, crew.owner.id(), crew.member.id()));
    }

    @Test
    void an_administrator_cannot_act_on_the_owner_or_another_administrator_but_the_owner_can() {
        Crew crew = crew(JoinPolicy.APPROVAL);
        run(crew.owner, () -> moderation.mute(crew.id(), crew.otherAdmin.id(), Duration.ofMinutes(10), "first"));

        for (var refusal :
                Map.of(crew.owner, NOT_ON_OWNER, crew.otherAdmin, NOT_ON_ADMIN).entrySet()) {
            long target = refusal.getKey().id();
            String message = refusal.getValue();
            assertAllRefused(
                    crew.owner,
                    crew,
                    crew.admin,
                    NotAllowedException.class,
                    message,
                    List.of(
                            () -> moderation.removeMember(crew.id(), target, "bye"),
                            () -> moderation.mute(crew.id(), target, Duration.ofHours(1), null),
                            () -> moderation.mute(crew.id(), target, null, null),
                            () -> moderation.unmute(crew.id(), target),
                            () -> moderation.ban(crew.id(), target, "bye")));
        }
        assertRefused(
                crew.otherAdmin,
                crew,
                crew.otherAdmin,
                () -> moderation.removeMember(crew.id(), crew.owner.id(), null),
                NotAllowedException.class,
                NOT_ON_OWNER);

        // Only the owner acts on an administrator.
        run(crew.owner, () -> moderation.unmute(crew.id(), crew.otherAdmin.id()));
        assertThat(as(crew.otherAdmin, () -> groups.myMembership(crew.id())).mutedUntil())
                .isNull();
        run(crew.owner, () -> moderation.mute(crew.id(), crew.admin.id(), null, "cool off"));
        assertThat(as(crew.admin, () -> groups.myMembership(crew.id())).mutedUntilLifted())
                .isTrue();
        run(crew.owner, () -> moderation.removeMember(crew.id(), crew.otherAdmin.id(), null));
        assertStaysOut(crew.otherAdmin, crew);
        run(crew.owner, () -> moderation.ban(crew.id(), crew.admin.id(), "enough"));
        assertStaysOut(crew.admin, crew);
        assertThat(as(crew.owner, () -> moderation.bannedUsers(crew.id()))).containsExactly(crew.admin);
        assertThat(as(crew.owner, () -> groups.members(crew.id())))
                .extracting(m -> m.user().id())
                .containsExactlyInAnyOrder(crew.owner.id(), crew.member.id(), crew.otherMember.id());
    }

    @Test
    void a_plain_member_or_an_outsider_cannot_administer_the_group() {
        Crew crew = crew(JoinPolicy.APPROVAL, "outsider", "carol", "eve");
        UserSummary outsider = crew.guest("outsider");
        UserSummary carol = crew.guest("carol");
        UserSummary eve = crew.guest("eve");
        run(crew.owner, () -> moderation.ban(crew.id(), eve.id(), null));
        run(crew.owner, () -> moderation.mute(crew.id(), crew.otherMember.id(), Duration.ofMinutes(10), null));
        long id = crew.id();
        long target = crew.otherMember.id();

        for (UserSummary forged : List.of(crew.member, outsider)) {
            assertAllRefused(
                    crew.owner,
                    crew,
                    forged,
                    NotAllowedException.class,
                    ADMINS_ONLY,
                    List.of(
                            () -> groups.addMember(id, carol.id()),
                            () -> moderation.removeMember(id, target, null),
                            () -> moderation.removeMember(id, crew.owner.id(), null),
                            () -> moderation.removeMember(id, crew.admin.id(), null),
                            () -> moderation.mute(id, target, Duration.ofMinutes(10), "shh"),
                            () -> moderation.mute(id, crew.admin.id(), null, null),
                            () -> moderation.unmute(id, target),
                            () -> moderation.ban(id, target, null),
                            () -> moderation.ban(id, carol.id(), null),
                            () -> moderation.unban(id, eve.id()),
                            () -> groupSettings.muteAll(id, true),
                            () -> groupSettings.setJoinPolicy(id, JoinPolicy.OPEN),
                            () -> moderation.bannedUsers(id),
                            () -> moderation.adminLog(id, null, 50),
                            () -> groupRequests.pendingRequests(id),
                            () -> groupRequests.pendingRequestCount(id)));
        }
        assertRefused(
                crew.owner,
                crew,
                crew.member,
                () -> moderation.removeMember(id, crew.member.id(), null),
                NotAllowedException.class,
                ADMINS_ONLY);
        assertThat(standing(eve, crew.group)).isEqualTo(Standing.BANNED);
        assertStaysOut(carol, crew);
    }

    @Test
    void nobody_can_act_on_themselves() {
        Crew crew = crew(JoinPolicy.APPROVAL);

        for (UserSummary self : List.of(crew.owner, crew.admin)) {
            long id = crew.id();
            assertAllRefused(
                    crew.owner,
                    crew,
                    self,
                    InvalidInputException.class,
                    NOT_ON_SELF,
                    List.of(
                            () -> moderation.removeMember(id, self.id(), null),
                            () -> moderation.mute(id, self.id(), Duration.ofMinutes(10), null),
                            () -> moderation.mute(id, self.id(), null, null),
                            () -> moderation.unmute(id, self.id()),
                            () -> moderation.ban(id, self.id(), null)));
        }
        assertRefused(
                crew.owner,
                crew,
                crew.owner,
                () -> moderation.handOver(crew.id(), crew.owner.id()),
                InvalidInputException.class,
                "You already own this group.");
        assertRefused(
                crew.owner,
                crew,
                crew.owner,
                () -> moderation.appoint(crew.id(), crew.owner.id()),
                InvalidInputException.class,
                null);
        assertRefused(
                crew.owner,
                crew,
                crew.owner,
                () -> moderation.dismiss(crew.id(), crew.owner.id()),
                InvalidInputException.class,
                null);
        assertRefused(
                crew.owner,
                crew,
                crew.admin,
                () -> moderation.dismiss(crew.id(), crew.admin.id()),
                NotAllowedException.class,
                OWNER_ONLY);
        assertThat(roleOf(crew, crew.owner)).isEqualTo(Role.OWNER);
    }

    @Test
    void the_owner_cannot_leave_without_handing_over_and_stays_an_administrator_after() {
        Crew crew = crew(JoinPolicy.APPROVAL, "outsider");
        UserSummary outsider = crew.guest("outsider");
        run(crew.owner, () -> moderation.mute(crew.id(), crew.member.id(), null, "quiet"));

        assertRefused(
                crew.owner,
                crew,
                crew.owner,
                () -> groups.leave(crew.id()),
                NotAllowedException.class,
                "You own this group: hand it over to another member before you leave.");
        assertRefused(
                crew.owner,
                crew,
                crew.owner,
                () -> moderation.handOver(crew.id(), outsider.id()),
                InvalidInputException.class,
                "Outsider Tester is not a member.");

        run(crew.owner, () -> moderation.handOver(crew.id(), crew.member.id()));

        assertThat(roleOf(crew, crew.member)).isEqualTo(Role.OWNER);
        assertThat(roleOf(crew, crew.owner)).isEqualTo(Role.ADMIN);
        assertThat(as(crew.member, () -> groups.myMembership(crew.id())).mutedUntil())
                .as("an owner is not muted")
                .isNull();
        run(crew.member, () -> chat.send(crew.conversation(), "I run this now"));
        assertThat(as(crew.member, () -> moderation.adminLog(crew.id(), null, 1)))
                .singleElement()
                .satisfies(e -> assertLogEntry(e, crew.owner, crew.member, Action.HAND_OVER, null));
        assertThat(as(crew.member, () -> chat.history(crew.conversation(), null, 2)))
                .extracting(Lines::of, ChatMessageView::system)
                .containsExactly(tuple("Member Tester now owns the group", true), tuple("I run this now", false));

        // The old owner is an administrator now, with an administrator's limits.
        assertRefused(
                crew.member,
                crew,
                crew.owner,
                () -> moderation.appoint(crew.id(), crew.otherMember.id()),
                NotAllowedException.class,
                OWNER_ONLY);
        assertRefused(
                crew.member,
                crew,
                crew.owner,
                () -> moderation.removeMember(crew.id(), crew.member.id(), null),
                NotAllowedException.class,
                NOT_ON_OWNER);
        assertRefused(
                crew.member,
                crew,
                crew.owner,
                () -> moderation.mute(crew.id(), crew.admin.id(), null, null),
                NotAllowedException.class,
                NOT_ON_ADMIN);
        assertRefused(
                crew.member,
                crew,
                crew.member,
                () -> groups.leave(crew.id()),
                NotAllowedException.class,
                "You own this group: hand it over to another member before you leave.");

        run(crew.owner, () -> groups.leave(crew.id()));

        assertStaysOut(crew.owner, crew);
        assertThat(as(crew.member, () -> groups.group(crew.id())).memberCount()).isEqualTo(4);
        assertThat(as(crew.member, () -> chat.history(crew.conversation(), null, 1)))
                .singleElement()
                .satisfies(m -> {
                    assertThat(Lines.of(m)).isEqualTo("Owner Tester left");
                    assertThat(m.system()).isTrue();
                });
    }

    // ----------------------------------------------------------------------------------------------
    // Mutes

    @Test
    void a_muted_member_cannot_send_until_the_mute_ends_by_itself_but_can_still_read() {
        Crew crew = crew(JoinPolicy.APPROVAL);
        run(crew.owner, () -> chat.send(crew.conversation(), "before the mute"));

        run(crew.admin, () -> moderation.mute(crew.id(), crew.member.id(), Duration.ofSeconds(2), "  Spamming  "));

        GroupMemberView mine = as(crew.member, () -> groups.myMembership(crew.id()));
        assertThat(mine.mutedUntil())
                .isNotNull()
                .isAfter(java.time.Instant.now().minusSeconds(1));
        assertThat(mine.mutedUntilLifted()).isFalse();
        assertThat(mine.muteReason()).isEqualTo("Spamming");
        assertThat(as(crew.owner, () -> moderation.adminLog(crew.id(), null, 1)))
                .extracting(AdminLogView::action, AdminLogView::lasting, AdminLogView::reason)
                .as("the log keeps how long, and why")
                .containsExactly(tuple(Action.MUTE, Duration.ofSeconds(2), "Spamming"));
        String refusal = "You are muted in " + crew.group.name() + " until " + UNTIL.format(mine.mutedUntil())
                + ". Reason: Spamming";
        assertRefused(
                crew.owner,
                crew,
                crew.member,
                () -> chat.send(crew.conversation(), "let me talk"),
                NotAllowedException.class,
                refusal);
        assertThat(as(crew.member, () -> overview.details(crew.conversation()))
                        .cannotSendReason()
                        .inEnglish())
                .isEqualTo(refusal);
        assertThat(as(crew.member, () -> chat.history(crew.conversation(), null, 50)))
                .extracting(Lines::of)
                .endsWith("before the mute", "Member Tester was muted");
        run(crew.otherMember, () -> chat.send(crew.conversation(), "others still talk"));
        assertThat(as(crew.owner, () -> groups.members(crew.id())))
                .filteredOn(m -> m.user().id() == crew.member.id())
                .singleElement()
                .satisfies(m -> assertThat(m.mutedUntil()).isEqualTo(mine.mutedUntil()));

        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> as(crew.member, () -> overview.details(crew.conversation()))
                        .canSend());

        run(crew.member, () -> chat.send(crew.conversation(), "I'm back"));
        assertThat(as(crew.member, () -> groups.myMembership(crew.id())).mutedUntil())
                .isNull();
        assertThat(as(crew.owner, () -> chat.history(crew.conversation(), null, 1)))
                .extracting(Lines::of)
                .containsExactly("I'm back");
    }

    @Test
    void a_mute_until_lifted_lasts_until_an_administrator_lifts_it() {
        Crew crew = crew(JoinPolicy.APPROVAL);

        run(crew.admin, () -> moderation.mute(crew.id(), crew.member.id(), null, null));

        GroupMemberView mine = as(crew.member, () -> groups.myMembership(crew.id()));
        assertThat(mine.mutedUntilLifted()).isTrue();
        assertThat(mine.muteReason()).isNull();
        assertThat(as(crew.owner, () -> moderation.adminLog(crew.id(), null, 1)))
                .extracting(AdminLogView::action, AdminLogView::lasting)
                .as("the log keeps how long: until lifted")
                .containsExactly(tuple(Action.MUTE, java.time.temporal.ChronoUnit.FOREVER.getDuration()));
        String refusal = "You are muted in " + crew.group.name() + " until an administrator lifts it.";
        assertRefused(
                crew.owner,
                crew,
                crew.member,
                () -> chat.send(crew.conversation(), "hello?"),
                NotAllowedException.class,
                refusal);
        assertThat(as(crew.member, () -> overview.details(crew.conversation()))
                        .cannotSendReason()
                        .inEnglish())
                .isEqualTo(refusal);
        for (Duration wrong : List.of(Duration.ZERO, Duration.ofMinutes(-10))) {
            assertRefused(
                    crew.owner,
                    crew,
                    crew.admin,
                    () -> moderation.mute(crew.id(), crew.otherMember.id(), wrong, null),
                    InvalidInputException.class,
                    "A mute lasts a positive time, or until lifted.");
        }

        run(crew.admin, () -> moderation.unmute(crew.id(), crew.member.id()));

        assertThat(as(crew.member, () -> groups.myMembership(crew.id())).mutedUntil())
                .isNull();
        run(crew.member, () -> chat.send(crew.conversation(), "thanks"));
        assertThat(as(crew.owner, () -> chat.history(crew.conversation(), null, 2)))
                .extracting(Lines::of, ChatMessageView::system)
                .containsExactly(tuple("Member Tester can speak again", true), tuple("thanks", false));
    }

    @Test
    void muting_the_whole_group_leaves_only_administrators_able_to_write() {
        Crew crew = crew(JoinPolicy.APPROVAL);
        String refusal = crew.group.name() + " is muted: only administrators can write for now.";

        assertRefused(
                crew.owner,
                crew,
                crew.member,
                () -> groupSettings.muteAll(crew.id(), true),
                NotAllowedException.class,
                ADMINS_ONLY);
        run(crew.admin, () -> groupSettings.muteAll(crew.id(), true));

        assertThat(as(crew.member, () -> groups.group(crew.id())).mutedAll()).isTrue();
        for (UserSummary plain : List.of(crew.member, crew.otherMember)) {
            assertRefused(
                    crew.owner,
                    crew,
                    plain,
                    () -> chat.send(crew.conversation(), "can I?"),
                    NotAllowedException.class,
                    refusal);
            assertThat(as(plain, () -> overview.details(crew.conversation()))
                            .cannotSendReason()
                            .inEnglish())
                    .isEqualTo(refusal);
            assertThat(as(plain, () -> chat.history(crew.conversation(), null, 1)))
                    .extracting(Lines::of)
                    .containsExactly("Admin Tester muted the group: only administrators can write");
        }
        for (UserSummary administrator : List.of(crew.owner, crew.admin, crew.otherAdmin)) {
            run(administrator, () -> chat.send(crew.conversation(), "admins still talk"));
        }
        assertRefused(
                crew.owner,
                crew,
                crew.member,
                () -> groupSettings.muteAll(crew.id(), false),
                NotAllowedException.class,
                ADMINS_ONLY);
        int logged =
                as(crew.owner, () -> moderation.adminLog(crew.id(), null, 50)).size();
        run(crew.otherAdmin, () -> groupSettings.muteAll(crew.id(), true));
        assertThat(as(crew.owner, () -> moderation.adminLog(crew.id(), null, 50)))
                .as("muting again changes nothing")
                .hasSize(logged);

        run(crew.owner, () -> groupSettings.muteAll(crew.id(), false));

        run(crew.member, () -> chat.send(crew.conversation(), "free again"));
        assertThat(as(crew.owner, () -> moderation.adminLog(crew.id(), null, 2)))
                .extracting(AdminLogView::action, e -> e.actor().id(), AdminLogView::target)
                .containsExactly(
                        tuple(Action.UNMUTE_ALL, crew.owner.id(), null), tuple(Action.MUTE_ALL, crew.admin.id(), null));
    }

    // ----------------------------------------------------------------------------------------------
    // Removing and banning

    @Test
    void a_removed_member_can_no_longer_read_write_or_mark_read_and_hears_nothing_more() {
        Crew crew = crew(JoinPolicy.APPROVAL);
        run(crew.owner, () -> chat.send(crew.conversation(), "before"));
        List<UserEvent> heard = heardEvents.listen(crew.member);

        run(crew.admin, () -> moderation.removeMember(crew.id(), crew.member.id(), "Off topic"));

        assertStaysOut(crew.member, crew);
        assertThat(as(crew.member, groups::myGroups))
                .extracting(GroupSummary::id)
                .doesNotContain(crew.id());
        assertThat(standing(crew.member, crew.group)).isEqualTo(Standing.NONE);
        assertThat(as(crew.owner, () -> groups.group(crew.id())).memberCount()).isEqualTo(4);
        assertThat(as(crew.owner, () -> moderation.adminLog(crew.id(), null, 1)))
                .singleElement()
                .satisfies(e -> assertLogEntry(e, crew.admin, crew.member, Action.REMOVE, "Off topic"));
        assertRefused(
                crew.owner,
                crew,
                crew.admin,
                () -> moderation.removeMember(crew.id(), crew.member.id(), null),
                InvalidInputException.class,
                "Member Tester is not a member.");

        run(crew.owner, () -> chat.send(crew.conversation(), "after"));
        // Later news that must reach them, after anything about the group that must not.
        GroupSummary elsewhere = create(crew.owner, uniqueName("Elsewhere"), null, JoinPolicy.APPROVAL);
        run(crew.member, () -> groups.join(elsewhere.id(), null));

        assertThat(describe(awaitEvents(heard, 3)))
                .containsExactly(
                        "posted:Member Tester was removed",
                        "group:REMOVED:" + crew.member.id(),
                        "group:REQUESTS:" + crew.member.id());
        assertThat(heard.get(1))
                .isInstanceOfSatisfying(
                        GroupChanged.class,
                        changed -> assertThat(changed.groupId()).isEqualTo(crew.id()));
    }

    @Test
    void a_banned_member_loses_access_and_cannot_rejoin_until_unbanned() {
        Crew crew = crew(JoinPolicy.OPEN);

        run(crew.admin, () -> moderation.ban(crew.id(), crew.member.id(), "Abuse"));

        assertStaysOut(crew.member, crew);
        assertThat(as(crew.owner, () -> moderation.bannedUsers(crew.id()))).containsExactly(crew.member);
        assertThat(standing(crew.member, crew.group)).isEqualTo(Standing.BANNED);
        assertRefused(
                crew.owner,
                crew,
                crew.member,
                () -> groups.join(crew.id(), null),
                NotAllowedException.class,
                "You are banned from " + crew.group.name() + ".");
        assertRefused(
                crew.owner,
                crew,
                crew.admin,
                () -> groups.addMember(crew.id(), crew.member.id()),
                NotAllowedException.class,
                "Member Tester is banned from this group. Unban them first.");
        assertRefused(
                crew.owner,
                crew,
                crew.otherAdmin,
                () -> moderation.ban(crew.id(), crew.member.id(), "again"),
                null,
                null);
        assertStaysOut(crew.member, crew);
        assertThat(as(crew.owner, () -> chat.history(crew.conversation(), null, 1)))
                .extracting(Lines::of, ChatMessageView::system)
                .containsExactly(tuple("Member Tester was removed", true));

        run(crew.admin, () -> moderation.unban(crew.id(), crew.member.id()));

        assertThat(standing(crew.member, crew.group)).isEqualTo(Standing.NONE);
        assertThat(as(crew.member, () -> groups.join(crew.id(), null))).isEqualTo(Standing.MEMBER);
        run(crew.member, () -> chat.send(crew.conversation(), "I'll behave"));
        assertRefused(
                crew.owner,
                crew,
                crew.admin,
                () -> moderation.unban(crew.id(), crew.otherMember.id()),
                InvalidInputException.class,
                "Member2 Tester is not banned.");
        assertThat(as(crew.owner, () -> moderation.adminLog(crew.id(), null, 2)))
                .extracting(
                        AdminLogView::action,
                        e -> e.actor().id(),
                        e -> e.target().id(),
                        AdminLogView::reason)
                .containsExactly(
                        tuple(Action.UNBAN, crew.admin.id(), crew.member.id(), null),
                        tuple(Action.BAN, crew.admin.id(), crew.member.id(), "Abuse"));
    }

    @Test
    void banning_someone_who_is_not_a_member_keeps_them_from_joining_and_drops_their_request() {
        Crew crew = crew(JoinPolicy.APPROVAL, "carol", "dave");
        UserSummary carol = crew.guest("carol");
        UserSummary dave = crew.guest("dave");
        run(dave, () -> groups.join(crew.id(), null));
        long davesRequest = as(crew.owner, () -> groupRequests.pendingRequests(crew.id()))
                .getFirst()
                .id();

        run(crew.admin, () -> moderation.ban(crew.id(), carol.id(), "Known troll"));
        run(crew.admin, () -> moderation.ban(crew.id(), dave.id(), null));

        assertRefused(
                crew.owner,
                crew,
                carol,
                () -> groups.join(crew.id(), "please"),
                NotAllowedException.class,
                "You are banned from " + crew.group.name() + ".");
        assertThat(standing(carol, crew.group)).isEqualTo(Standing.BANNED);
        assertThat(standing(dave, crew.group)).isEqualTo(Standing.BANNED);
        assertThat(as(crew.owner, () -> groupRequests.pendingRequests(crew.id())))
                .as("dave's request left the queue")
                .isEmpty();
        assertRefused(
                crew.owner,
                crew,
                crew.owner,
                () -> groupRequests.approve(davesRequest),
                NotAllowedException.class,
                ANSWERED);
        assertRefused(
                crew.owner,
                crew,
                dave,
                () -> groupRequests.cancelJoinRequest(davesRequest),
                NotAllowedException.class,
                NO_SUCH_REQUEST);
        assertStaysOut(carol, crew);
        assertStaysOut(dave, crew);
        assertThat(as(crew.owner, () -> moderation.bannedUsers(crew.id()))).containsExactly(dave, carol);
        assertRefused(
                crew.owner,
                crew,
                crew.admin,
                () -> moderation.ban(crew.id(), Long.MAX_VALUE, null),
                NotAllowedException.class,
                "No such person.");
        assertThat(as(crew.owner, () -> groups.group(crew.id())).memberCount()).isEqualTo(5);
    }

    // ----------------------------------------------------------------------------------------------
    // The administrative log and system lines

    @Test
    void every_administrative_act_is_logged_newest_first_with_who_whom_and_why() {
        Crew crew = crew(JoinPolicy.APPROVAL, "carol", "dave", "erin", "outsider");
        UserSummary carol = crew.guest("carol");
        UserSummary dave = crew.guest("dave");
        UserSummary erin = crew.guest("erin");
        run(carol, () -> groups.join(crew.id(), null));
        run(dave, () -> groups.join(crew.id(), null));
        List<JoinRequestView> queue = as(crew.owner, () -> groupRequests.pendingRequests(crew.id()));
        long id = crew.id();

        run(crew.admin, () -> {
            groupRequests.approve(queue.get(0).id());
            groupRequests.reject(queue.get(1).id(), "Full");
            groups.addMember(id, erin.id());
            moderation.removeMember(id, erin.id(), "Bye");
            moderation.mute(id, carol.id(), Duration.ofMinutes(10), "Calm down");
            moderation.unmute(id, carol.id());
            moderation.ban(id, carol.id(), "Spam");
            moderation.unban(id, carol.id());
        });
        run(crew.owner, () -> {
            moderation.appoint(id, crew.member.id());
            moderation.dismiss(id, crew.member.id());
        });
        run(crew.admin, () -> groupSettings.muteAll(id, true));
        run(crew.admin, () -> groupSettings.muteAll(id, false));
        run(crew.owner, () -> moderation.handOver(id, crew.otherAdmin.id()));

        List<AdminLogView> log = as(crew.admin, () -> moderation.adminLog(id, null, 50));
        UserSummary admin = crew.admin;
        UserSummary owner = crew.owner;
        assertThat(log)
                .extracting(
                        e -> e.actor().id(),
                        e -> e.target() == null ? null : e.target().id(),
                        AdminLogView::action,
                        AdminLogView::reason)
                .containsExactly(
                        tuple(owner.id(), crew.otherAdmin.id(), Action.HAND_OVER, null),
                        tuple(admin.id(), null, Action.UNMUTE_ALL, null),
                        tuple(admin.id(), null, Action.MUTE_ALL, null),
                        tuple(owner.id(), crew.member.id(), Action.DISMISS, null),
                        tuple(owner.id(), crew.member.id(), Action.APPOINT, null),
                        tuple(admin.id(), carol.id(), Action.UNBAN, null),
                        tuple(admin.id(), carol.id(), Action.BAN, "Spam"),
                        tuple(admin.id(), carol.id(), Action.UNMUTE, null),
                        tuple(admin.id(), carol.id(), Action.MUTE, "Calm down"),
                        tuple(admin.id(), erin.id(), Action.REMOVE, "Bye"),
                        tuple(admin.id(), erin.id(), Action.ADD, null),
                        tuple(admin.id(), dave.id(), Action.REJECT, "Full"),
                        tuple(admin.id(), carol.id(), Action.APPROVE, null),
                        // The crew itself: the owner added four people and appointed two of them.
                        tuple(owner.id(), crew.otherAdmin.id(), Action.APPOINT, null),
                        tuple(owner.id(), admin.id(), Action.APPOINT, null),
                        tuple(owner.id(), crew.otherMember.id(), Action.ADD, null),
                        tuple(owner.id(), crew.member.id(), Action.ADD, null),
                        tuple(owner.id(), crew.otherAdmin.id(), Action.ADD, null),
                        tuple(owner.id(), admin.id(), Action.ADD, null));
        assertThat(log.getFirst().actor()).isEqualTo(owner);
        assertThat(log.getFirst().target()).isEqualTo(crew.otherAdmin);
        assertThat(log)
                .extracting(AdminLogView::at)
                .doesNotContainNull()
                .isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(log).extracting(AdminLogView::id).isSortedAccordingTo(Comparator.reverseOrder());

        List<Long> walked = new ArrayList<>();
        Long before = null;
        for (int guard = 0; guard < 20; guard++) {
            Long cursor = before;
            List<AdminLogView> page = as(crew.otherAdmin, () -> moderation.adminLog(id, cursor, 4));
            if (page.isEmpty()) {
                break;
            }
            page.forEach(e -> walked.add(e.id()));
            before = page.getLast().id();
        }
        assertThat(walked)
                .containsExactlyElementsOf(log.stream().map(AdminLogView::id).toList());

        UserSummary outsider = crew.guest("outsider");
        for (UserSummary forged : List.of(crew.member, crew.otherMember, carol, outsider)) {
            assertRefused(
                    crew.owner,
                    crew,
                    forged,
                    () -> moderation.adminLog(id, null, 50),
                    NotAllowedException.class,
                    ADMINS_ONLY);
        }
    }

    @Test
    void joins_leaves_removals_and_mutes_show_in_the_conversation_as_system_lines() {
        Map<String, UserSummary> who = users.createAll("owner", "bob", "carol");
        UserSummary owner = who.get("owner");
        UserSummary bob = who.get("bob");
        UserSummary carol = who.get("carol");
        GroupSummary group = create(owner, uniqueName("Lines"), null, JoinPolicy.OPEN);
        long id = group.id();

        run(bob, () -> groups.join(id, null));
        run(carol, () -> groups.join(id, null));
        run(owner, () -> chat.send(group.conversationId(), "Welcome!"));
        run(bob, () -> groups.leave(id));
        run(owner, () -> moderation.mute(id, carol.id(), Duration.ofMinutes(10), "hush"));
        run(owner, () -> moderation.unmute(id, carol.id()));
        run(owner, () -> moderation.removeMember(id, carol.id(), null));

        assertThat(as(owner, () -> chat.history(group.conversationId(), null, 50)))
                .extracting(Lines::of, ChatMessageView::system, m -> m.sender().id())
                .containsExactly(
                        tuple("Owner Tester created the group", true, owner.id()),
                        tuple("Bob Tester joined", true, bob.id()),
                        tuple("Carol Tester joined", true, carol.id()),
                        tuple("Welcome!", false, owner.id()),
                        tuple("Bob Tester left", true, bob.id()),
                        tuple("Carol Tester was muted", true, owner.id()),
                        tuple("Carol Tester can speak again", true, owner.id()),
                        tuple("Carol Tester was removed", true, owner.id()));
        assertThat(as(owner, overview::conversations))
                .filteredOn(c -> c.id() == group.conversationId())
                .singleElement()
                .satisfies(c -> assertThat(c.lastMessage().inEnglish()).isEqualTo("Carol Tester was removed"));
        assertThat(as(bob, () -> groups.join(id, null))).isEqualTo(Standing.MEMBER);
        assertThat(as(bob, () -> chat.history(group.conversationId(), null, 1)))
                .extracting(Lines::of)
                .containsExactly("Bob Tester joined");
    }

    // ----------------------------------------------------------------------------------------------
    // Live events. LiveEvents delivers on its own threads, in publication order per recipient, so a test
    // waits for what must arrive, and proves that something did not arrive by a later event that must.

    @Test
    void every_administrator_hears_of_a_join_request_at_once_and_everyone_of_the_approval() {
        Crew crew = crew(JoinPolicy.APPROVAL, "carol");
        UserSummary carol = crew.guest("carol");
        List<UserEvent> ownerHeard = heardEvents.listen(crew.owner);
        List<UserEvent> adminHeard = heardEvents.listen(crew.admin);
        List<UserEvent> otherAdminHeard = heardEvents.listen(crew.otherAdmin);
        List<UserEvent> memberHeard = heardEvents.listen(crew.member);
        List<UserEvent> carolHeard = heardEvents.listen(carol);

        run(carol, () -> groups.join(crew.id(), "hi"));

        String asked = "group:REQUESTS:" + carol.id();
        for (List<UserEvent> heard : List.of(ownerHeard, adminHeard, otherAdminHeard)) {
            assertThat(describe(awaitEvents(heard, 1))).containsExactly(asked);
            assertThat(heard.getFirst())
                    .isInstanceOfSatisfying(
                            GroupChanged.class,
                            changed -> assertThat(changed.groupId()).isEqualTo(crew.id()));
        }
        assertThat(as(crew.admin, () -> groupRequests.pendingRequestCount(crew.id())))
                .as("the badge, when re-read")
                .isEqualTo(1);

        run(crew.owner, () -> chat.send(crew.conversation(), "hello members"));
        long request = as(crew.otherAdmin, () -> groupRequests.pendingRequests(crew.id()))
                .getFirst()
                .id();
        run(crew.otherAdmin, () -> groupRequests.approve(request));

        String joined = "group:JOINED:" + carol.id();
        for (List<UserEvent> heard : List.of(ownerHeard, adminHeard, otherAdminHeard)) {
            assertThat(describe(awaitEvents(heard, 4)))
                    .containsExactly(asked, "posted:hello members", "posted:Carol Tester joined", joined);
        }
        assertThat(describe(awaitEvents(memberHeard, 3)))
                .as("a plain member never hears of the queue")
                .containsExactly("posted:hello members", "posted:Carol Tester joined", joined);
        assertThat(describe(awaitEvents(carolHeard, 3)))
                .as("the requester's other tabs learn the answer")
                .containsExactly(asked, "posted:Carol Tester joined", joined);
        assertThat(as(crew.admin, () -> groupRequests.pendingRequestCount(crew.id())))
                .isZero();
    }

    @Test
    void a_rejection_or_cancellation_reaches_the_requester_and_every_administrators_queue_but_no_member() {
        Crew crew = crew(JoinPolicy.APPROVAL, "carol", "dave");
        UserSummary carol = crew.guest("carol");
        UserSummary dave = crew.guest("dave");
        run(carol, () -> groups.join(crew.id(), null));
        run(dave, () -> groups.join(crew.id(), null));
        List<JoinRequestView> queue = as(crew.owner, () -> groupRequests.pendingRequests(crew.id()));
        List<UserEvent> ownerHeard = heardEvents.listen(crew.owner);
        List<UserEvent> otherAdminHeard = heardEvents.listen(crew.otherAdmin);
        List<UserEvent> memberHeard = heardEvents.listen(crew.member);
        List<UserEvent> carolHeard = heardEvents.listen(carol);
        List<UserEvent> daveHeard = heardEvents.listen(dave);

        run(crew.admin, () -> groupRequests.reject(queue.get(0).id(), "No"));
        run(dave, () -> groupRequests.cancelJoinRequest(queue.get(1).id()));
        run(crew.owner, () -> chat.send(crew.conversation(), "later news"));

        List<String> adminsHear =
                List.of("group:REJECTED:" + carol.id(), "group:REQUESTS:" + dave.id(), "posted:later news");
        assertThat(describe(awaitEvents(ownerHeard, 3))).containsExactlyElementsOf(adminsHear);
        assertThat(describe(awaitEvents(otherAdminHeard, 3))).containsExactlyElementsOf(adminsHear);
        assertThat(describe(awaitEvents(memberHeard, 1))).containsExactly("posted:later news");
        // Carol and Dave hear only of their own request; a later request of theirs proves nothing else came.
        GroupSummary elsewhere = create(crew.owner, uniqueName("Elsewhere"), null, JoinPolicy.APPROVAL);
        run(carol, () -> groups.join(elsewhere.id(), null));
        run(dave, () -> groups.join(elsewhere.id(), null));
        assertThat(describe(awaitEvents(carolHeard, 2)))
                .containsExactly("group:REJECTED:" + carol.id(), "group:REQUESTS:" + carol.id());
        assertThat(describe(awaitEvents(daveHeard, 2)))
                .containsExactly("group:REQUESTS:" + dave.id(), "group:REQUESTS:" + dave.id());
    }

    @Test
    void calls_without_a_signed_in_user_are_refused() {
        Crew crew = crew(JoinPolicy.OPEN);
        long id = crew.id();
        long someone = crew.member.id();
        Snapshot before = snapshot(crew.owner, crew);
        SecurityContextHolder.clearContext();

        for (Runnable call : List.<Runnable>of(
                () -> groups.create("Anonymous", null, null),
                () -> groups.search("crew", null, 10),
                () -> groups.group(id),
                () -> groups.groupOfConversation(crew.conversation()),
                () -> groups.myMembership(id),
                () -> groups.join(id, null),
                () -> groupRequests.cancelJoinRequest(1),
                () -> groups.leave(id),
                groups::myGroups,
                () -> groupRequests.pendingRequests(id),
                () -> groupRequests.pendingRequestCount(id),
                () -> groupRequests.approve(1),
                () -> groupRequests.reject(1, null),
                () -> groups.addMember(id, someone),
                () -> moderation.removeMember(id, someone, null),
                () -> moderation.mute(id, someone, null, null),
                () -> moderation.unmute(id, someone),
                () -> groupSettings.muteAll(id, true),
                () -> moderation.ban(id, someone, null),
                () -> moderation.unban(id, someone),
                () -> moderation.bannedUsers(id),
                () -> moderation.appoint(id, someone),
                () -> moderation.dismiss(id, someone),
                () -> moderation.handOver(id, someone),
                () -> groupSettings.setJoinPolicy(id, JoinPolicy.OPEN),
                () -> groups.members(id),
                () -> moderation.adminLog(id, null, 10))) {
            // Method security turns them away before the method runs (each method would refuse them too).
            assertThatThrownBy(call::run).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        }
        assertThat(snapshot(crew.owner, crew)).as("nothing changed").isEqualTo(before);
    }

    // ----------------------------------------------------------------------------------------------

    @Test
    void leaving_and_rejoining_an_open_group_does_not_lift_a_mute() {
        Crew crew = crew(JoinPolicy.OPEN);
        run(crew.admin(), () -> moderation.mute(crew.id(), crew.member().id(), Duration.ofHours(1), "Cool down"));
        run(crew.member(), () -> groups.leave(crew.id()));
        assertThat(as(crew.member(), () -> groups.join(crew.id(), null))).isEqualTo(Standing.MEMBER);
        assertThatThrownBy(() -> run(crew.member(), () -> chat.send(crew.conversation(), "I'm back, unmuted?")))
                .isInstanceOf(NotAllowedException.class)
                .hasMessageContaining("muted")
                .hasMessageContaining("Cool down");
        // Lifting it lets them speak again.
        run(crew.admin(), () -> moderation.unmute(crew.id(), crew.member().id()));
        run(crew.member(), () -> chat.send(crew.conversation(), "Thanks"));
    }

    @Test
    void only_the_owner_deletes_a_group_and_then_nobody_can_find_read_or_write_it() {
        Crew crew = crew(JoinPolicy.OPEN);
        run(crew.member(), () -> chat.send(crew.conversation(), "before the end"));
        for (UserSummary forged : List.of(crew.admin(), crew.member())) {
            assertThatThrownBy(() -> run(forged, () -> groups.delete(crew.id())))
                    .isInstanceOf(NotAllowedException.class)
                    .hasMessage("Only the owner of the group can do that.");
        }
        assertThat(as(crew.member(), () -> groups.group(crew.id())).memberCount())
                .isEqualTo(5);

        run(crew.owner(), () -> groups.delete(crew.id()));

        assertThat(as(crew.member(), () -> groups.search(crew.group().name(), null, 10)))
                .isEmpty();
        for (UserSummary former : List.of(crew.owner(), crew.admin(), crew.member())) {
            assertThatThrownBy(() -> run(former, () -> chat.history(crew.conversation(), null, 50)))
                    .isInstanceOf(NotAllowedException.class)
                    .hasMessage("Conversation not found.");
            assertThatThrownBy(() -> run(former, () -> chat.send(crew.conversation(), "anyone?")))
                    .isInstanceOf(NotAllowedException.class);
            assertThat(as(former, () -> overview.conversations())).noneMatch(c -> c.id() == crew.conversation());
        }
    }

    @Test
    void administrators_set_the_group_picture_members_cannot_and_disguised_files_are_refused() throws Exception {
        Crew crew = crew(JoinPolicy.APPROVAL);
        java.awt.image.BufferedImage image =
                new java.awt.image.BufferedImage(600, 400, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", png);

        assertThatThrownBy(() -> run(
                        crew.member(),
                        () -> groupSettings.changeAvatar(crew.id(), upload(png.toByteArray()), png.size())))
                .isInstanceOf(NotAllowedException.class)
                .hasMessage("Only the group's administrators can do that.");
        assertThatThrownBy(() -> run(
                        crew.admin(),
                        () -> groupSettings.changeAvatar(
                                crew.id(), upload("<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes()), -1)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("PNG, JPEG, GIF or WebP");
        assertThat(as(crew.owner(), () -> groups.group(crew.id()).avatarUrl())).isNull();

        GroupSummary changed =
                as(crew.admin(), () -> groupSettings.changeAvatar(crew.id(), upload(png.toByteArray()), png.size()));
        assertThat(changed.avatarUrl()).startsWith("/group-avatars/" + crew.id() + "?v=");
        var stored = as(crew.member(), () -> groupSettings.avatar(crew.id())).orElseThrow();
        var decoded = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(stored.data()));
        assertThat(decoded.getWidth()).isEqualTo(256);
        assertThat(as(crew.member(), () -> overview.conversations()).stream()
                        .filter(c -> c.id() == crew.conversation())
                        .findFirst()
                        .orElseThrow()
                        .groupAvatarUrl())
                .isEqualTo(changed.avatarUrl());
    }

    private static java.io.InputStream upload(byte[] content) {
        return new java.io.ByteArrayInputStream(content);
    }

    /**
     * A group with an owner, two administrators and two plain members, all added by the owner; and guests,
     * fresh users outside it, by the prefix they were created with.
     */
    private record Crew(
            GroupSummary group,
            UserSummary owner,
            UserSummary admin,
            UserSummary otherAdmin,
            UserSummary member,
            UserSummary otherMember,
            Map<String, UserSummary> guests) {
        long id() {
            return group.id();
        }

        long conversation() {
            return group.conversationId();
        }

        UserSummary guest(String prefix) {
            return guests.get(prefix);
        }
    }

    private Crew crew(JoinPolicy policy, String... guests) {
        List<String> prefixes = new ArrayList<>(List.of("owner", "admin", "admin2", "member", "member2"));
        prefixes.addAll(List.of(guests));
        Map<String, UserSummary> who = users.createAll(prefixes);
        UserSummary owner = who.remove("owner");
        UserSummary admin = who.remove("admin");
        UserSummary otherAdmin = who.remove("admin2");
        UserSummary member = who.remove("member");
        UserSummary otherMember = who.remove("member2");
        GroupSummary group = create(owner, uniqueName("Crew"), "A group for tests", policy);
        run(owner, () -> {
            for (UserSummary user : List.of(admin, otherAdmin, member, otherMember)) {
                groups.addMember(group.id(), user.id());
            }
            moderation.appoint(group.id(), admin.id());
            moderation.appoint(group.id(), otherAdmin.id());
        });
        return new Crew(as(owner, () -> groups.group(group.id())), owner, admin, otherAdmin, member, otherMember, who);
    }

    private GroupSummary create(UserSummary owner, String name, String description, JoinPolicy policy) {
        return as(owner, () -> groups.create(name, description, policy));
    }

    /** Everything an administrator can see of a group; a refused call must leave all of it as it was. */
    private record Snapshot(
            GroupSummary group,
            Map<Long, String> members,
            List<Long> pendingRequests,
            List<Long> banned,
            List<Long> adminLog,
            List<Long> history) {}

    private Snapshot snapshot(UserSummary administrator, Crew crew) {
        return as(
                administrator,
                () -> new Snapshot(
                        groups.group(crew.id()),
                        groups.members(crew.id()).stream()
                                .collect(Collectors.toMap(
                                        m -> m.user().id(),
                                        m -> m.role() + " muted until " + m.mutedUntil() + " for " + m.muteReason())),
                        groupRequests.pendingRequests(crew.id()).stream()
                                .map(JoinRequestView::id)
                                .toList(),
                        moderation.bannedUsers(crew.id()).stream()
                                .map(UserSummary::id)
                                .toList(),
                        moderation.adminLog(crew.id(), null, GroupService.MAX_PAGE).stream()
                                .map(AdminLogView::id)
                                .toList(),
                        chat.history(crew.conversation(), null, 200).stream()
                                .map(ChatMessageView::id)
                                .toList()));
    }

    /**
     * {@code caller} is refused {@code call} with exactly {@code message} (any message when null; no refusal
     * at all expected when {@code type} is null), and the group, as {@code observer} sees it, did not change.
     */
    private void assertRefused(
            UserSummary observer,
            Crew crew,
            UserSummary caller,
            Runnable call,
            Class<? extends Exception> type,
            String message) {
        Snapshot before = snapshot(observer, crew);
        if (type == null) {
            run(caller, call);
        } else if (message == null) {
            assertThatThrownBy(() -> run(caller, call)).isInstanceOf(type);
        } else {
            assertThatThrownBy(() -> run(caller, call)).isInstanceOf(type).hasMessage(message);
        }
        assertThat(snapshot(observer, crew)).as("nothing changed").isEqualTo(before);
    }

    /** Like {@link #assertRefused}, for many calls by one caller, all refused alike: one snapshot around them all. */
    private void assertAllRefused(
            UserSummary observer,
            Crew crew,
            UserSummary caller,
            Class<? extends Exception> type,
            String message,
            List<Runnable> calls) {
        Snapshot before = snapshot(observer, crew);
        for (Runnable call : calls) {
            assertThatThrownBy(() -> run(caller, call)).isInstanceOf(type).hasMessage(message);
        }
        assertThat(snapshot(observer, crew)).as("nothing changed").isEqualTo(before);
    }

    /** Someone outside the group: cannot read, write, mark read or see its members. */
    private void assertStaysOut(UserSummary user, Crew crew) {
        run(user, () -> {
            assertThatThrownBy(() -> chat.history(crew.conversation(), null, 50))
                    .isInstanceOf(NotAllowedException.class)
                    .hasMessage(CONVERSATION_NOT_FOUND);
            assertThatThrownBy(() -> chat.send(crew.conversation(), "am I in?"))
                    .isInstanceOf(NotAllowedException.class)
                    .hasMessage(CONVERSATION_NOT_FOUND);
            readMarkers.markRead(crew.conversation(), readMarkers.unreadCounts()); // not theirs: nothing happens
            assertThatThrownBy(() -> overview.details(crew.conversation()))
                    .isInstanceOf(NotAllowedException.class)
                    .hasMessage(CONVERSATION_NOT_FOUND);
            assertThat(overview.conversations())
                    .extracting(ConversationSummary::id)
                    .doesNotContain(crew.conversation());
            assertThat(groups.myGroups()).extracting(GroupSummary::id).doesNotContain(crew.id());
            assertThatThrownBy(() -> groups.myMembership(crew.id()))
                    .isInstanceOf(NotAllowedException.class)
                    .hasMessage(NOT_A_MEMBER);
            assertThatThrownBy(() -> groups.members(crew.id()))
                    .isInstanceOf(NotAllowedException.class)
                    .hasMessage(NOT_A_MEMBER);
            assertThatThrownBy(() -> groups.groupOfConversation(crew.conversation()))
                    .isInstanceOf(NotAllowedException.class)
                    .hasMessage(NOT_A_MEMBER);
        });
        assertThat(as(crew.owner.id() == user.id() ? crew.admin : crew.owner, () -> groups.members(crew.id())))
                .extracting(m -> m.user().id())
                .doesNotContain(user.id());
    }

    private Standing standing(UserSummary user, GroupSummary group) {
        return as(user, () -> groups.search(group.name(), null, GroupService.MAX_PAGE)).stream()
                .filter(r -> r.group().id() == group.id())
                .findFirst()
                .orElseThrow()
                .standing();
    }

    private Role roleOf(Crew crew, UserSummary user) {
        return as(user, () -> groups.myMembership(crew.id())).role();
    }

    private static void assertLogEntry(
            AdminLogView entry, UserSummary actor, UserSummary target, Action action, String reason) {
        assertThat(entry.actor()).isEqualTo(actor);
        assertThat(entry.target()).isEqualTo(target);
        assertThat(entry.action()).isEqualTo(action);
        assertThat(entry.reason()).isEqualTo(reason);
        assertThat(entry.at()).isNotNull();
    }

    private static List<String> describe(List<UserEvent> events) {
        return events.stream()
                .map(event -> switch (event) {
                    case MessagePosted posted -> "posted:" + Lines.of(posted.message());
                    case GroupChanged changed -> "group:" + changed.kind() + ":" + changed.subjectUserId();
                    default -> event.toString();
                })
                .toList();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
