package org.parley.accountdeletion.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.parley.support.TestUsers.as;
import static org.parley.support.TestUsers.run;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.account.domain.UserAccountRepository;
import org.parley.account.service.AccountClosing;
import org.parley.account.service.AccountService;
import org.parley.account.service.ExternalAccounts;
import org.parley.account.service.ExternalSignIn;
import org.parley.account.service.UserSummary;
import org.parley.base.service.InvalidInputException;
import org.parley.base.service.NotAllowedException;
import org.parley.base.service.SessionsEnded;
import org.parley.base.service.UserEvent;
import org.parley.chat.service.ChatMessageView;
import org.parley.chat.service.ChatService;
import org.parley.chat.service.ConversationOverview;
import org.parley.friends.service.FriendService;
import org.parley.friends.service.FriendsChanged;
import org.parley.friends.service.Relationship;
import org.parley.groups.domain.GroupMember.Role;
import org.parley.groups.service.GroupMemberView;
import org.parley.groups.service.GroupModeration;
import org.parley.groups.service.GroupService;
import org.parley.groups.service.GroupSummary;
import org.parley.support.HeardEvents;
import org.parley.support.Scenarios;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Deleting one's own account, against the real database: only the owner, only with their password (or, for a
 * company account, their user name), all or nothing; their words stay for others, signed "Deleted user".
 */
@SpringBootTest
class AccountDeletionTest {

    @Autowired
    AccountDeletion deletion;

    @Autowired
    TestUsers users;

    @Autowired
    Scenarios scenarios;

    @Autowired
    ChatService chat;

    @Autowired
    FriendService friends;

    @Autowired
    GroupService groups;

    @Autowired
    GroupModeration moderation;

    @Autowired
    AccountService accountService;

    @Autowired
    ExternalAccounts externalAccounts;

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    UserDetailsService signIn;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    HeardEvents heard;

    @Autowired
    ConversationOverview overview;

    @AfterEach
    void signOut() {
        heard.close();
        SecurityContextHolder.clearContext();
    }

    @Test
    void nobody_signed_in_deletes_anything() {
        assertThatThrownBy(() -> deletion.deleteMyAccount(TestUsers.PASSWORD))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void a_wrong_password_deletes_nothing_and_says_so() {
        Map<String, UserSummary> people = users.createAll("bob", "ann");
        UserSummary bob = people.get("bob");
        long conversation = scenarios.friendsWithConversation(bob, people.get("ann"));

        assertThatThrownBy(() -> run(bob, () -> deletion.deleteMyAccount("not my password")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("password");
        assertThatThrownBy(() -> run(bob, () -> deletion.deleteMyAccount(null)))
                .isInstanceOf(InvalidInputException.class);

        var account = accounts.findById(bob.id()).orElseThrow();
        assertThat(account.isDeleted()).isFalse();
        assertThat(account.getUsername()).isEqualTo(bob.username());
        assertThat(as(people.get("ann"), () -> friends.relationshipWith(bob.id())))
                .isEqualTo(Relationship.FRIEND);
        assertThat(as(bob, () -> chat.history(conversation, null, 10))).isNotNull();
    }

    @Test
    void the_deleted_account_keeps_its_words_for_others_and_loses_everything_else() {
        Map<String, UserSummary> people = users.createAll("bob", "ann", "cat", "dan");
        UserSummary bob = people.get("bob");
        UserSummary ann = people.get("ann");
        UserSummary cat = people.get("cat");
        UserSummary dan = people.get("dan");
        long direct = scenarios.friendsWithConversation(bob, ann);
        run(bob, () -> chat.send(direct, "Keep this, Ann"));
        scenarios.makeFriends(bob, cat);
        run(dan, () -> friends.sendRequest(bob.id(), null));
        GroupSummary owned = scenarios.openGroup(bob, "Bob's " + TestUsers.uniqueName("g"), "", cat, dan);
        run(bob, () -> groups.addMember(owned.id(), ann.id()));
        // Dan joined before Ann, but Ann is an administrator: she is the group's next owner.
        run(bob, () -> moderation.appoint(owned.id(), ann.id()));
        GroupSummary alone =
                as(bob, () -> groups.create("Only Bob " + TestUsers.uniqueName("g"), "", owned.joinPolicy()));
        GroupSummary joined = scenarios.openGroup(cat, "Cat's " + TestUsers.uniqueName("g"), "", bob);
        List<UserEvent> bobHears = heard.listen(bob);
        List<UserEvent> catHears = heard.listen(cat);

        run(bob, () -> deletion.deleteMyAccount(TestUsers.PASSWORD));

        // Ann still reads what Bob wrote, from "Deleted user".
        List<ChatMessageView> annSees = as(ann, () -> chat.history(direct, null, 10));
        ChatMessageView kept = annSees.stream()
                .filter(m -> m.body().equals("Keep this, Ann"))
                .findFirst()
                .orElseThrow();
        assertThat(kept.sender().displayName()).isEqualTo("Deleted user");
        assertThat(kept.sender().username()).doesNotContain(bob.username());
        assertThat(kept.sender().handle()).as("no placeholder user name shown").isEmpty();
        assertThat(as(ann, () -> overview.details(direct)).cannotSendReason().inEnglish())
                .isEqualTo("Messages can no longer be sent here: this account has been deleted.");
        // Nobody is his friend, nobody finds him, his request to Dan is gone.
        assertThat(as(ann, () -> friends.friends())).extracting(UserSummary::id).doesNotContain(bob.id());
        assertThat(as(cat, () -> friends.friends())).extracting(UserSummary::id).doesNotContain(bob.id());
        assertThat(as(dan, () -> friends.incomingRequests())).isEmpty();
        assertThat(as(ann, () -> accountService.searchOthers(bob.username(), null, 10)))
                .isEmpty();
        assertThat(as(ann, () -> accountService.searchOthers("deleted", null, 100)))
                .extracting(UserSummary::id)
                .doesNotContain(bob.id());
        // His group passed to Ann; the one only he was in is gone; he left Cat's.
        List<GroupMemberView> members = as(ann, () -> groups.members(owned.id()));
        assertThat(members).extracting(m -> m.user().id()).doesNotContain(bob.id());
        assertThat(members.stream().filter(m -> m.role() == Role.OWNER))
                .extracting(m -> m.user().id())
                .containsExactly(ann.id());
        assertThat(as(cat, () -> groups.members(joined.id())))
                .extracting(m -> m.user().id())
                .doesNotContain(bob.id());
        assertThatThrownBy(() -> as(cat, () -> groups.group(alone.id()))).isInstanceOf(RuntimeException.class);
        // He cannot sign in, his tabs were sent away, and the account is no administrator of anything.
        var account = accounts.findById(bob.id()).orElseThrow();
        assertThat(account.isDeleted()).isTrue();
        assertThat(passwordEncoder.matches(TestUsers.PASSWORD, account.getPasswordHash()))
                .isFalse();
        assertThatThrownBy(() -> signIn.loadUserByUsername(bob.username())).isInstanceOf(RuntimeException.class);
        assertThat(signIn.loadUserByUsername(account.getUsername()).isEnabled()).isFalse();
        await().atMost(Duration.ofSeconds(10)).until(() -> bobHears.contains(new SessionsEnded(bob.id(), true)));
        // Cat's friend list changes at once.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> catHears.stream()
                        .anyMatch(e -> e instanceof FriendsChanged changed
                                && changed.kind() == FriendsChanged.Kind.FRIEND_REMOVED));
        // And the deleted caller, still holding an old session, can do nothing more.
        assertThatThrownBy(() -> run(bob, () -> deletion.deleteMyAccount(TestUsers.PASSWORD)))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> run(bob, () -> accountService.changeDisplayName("Back again")))
                .isInstanceOf(NotAllowedException.class);
    }

    @Test
    void a_company_account_confirms_with_its_user_name_not_a_password_it_never_had() {
        String name = TestUsers.uniqueName("erin");
        var erin = externalAccounts.signIn(new ExternalSignIn("ldap://acme", name, name, "Erin", null));
        UserSummary asSummary = new UserSummary(erin.userId(), erin.getUsername(), "Erin", null, false);
        assertThat(as(asSummary, deletion::howToConfirm)).isEqualTo(AccountClosing.Confirmation.USER_NAME);
        assertThatThrownBy(() -> run(asSummary, () -> deletion.deleteMyAccount("someone-else")))
                .isInstanceOf(InvalidInputException.class);

        run(asSummary, () -> deletion.deleteMyAccount(" " + name.toUpperCase() + " "));

        assertThat(accounts.findById(erin.userId()).orElseThrow().isDeleted()).isTrue();
        // Signing in with the directory again is a new person, not the deleted account back.
        var again = externalAccounts.signIn(new ExternalSignIn("ldap://acme", name, name, "Erin", null));
        assertThat(again.userId()).isNotEqualTo(erin.userId());
        assertThat(again.isEnabled()).isTrue();
    }
}
