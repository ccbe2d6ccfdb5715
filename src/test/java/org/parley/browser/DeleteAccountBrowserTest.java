package org.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.parley.account.service.UserSummary;
import org.parley.accountdeletion.service.AccountDeletion;
import org.parley.chat.service.ChatService;
import org.parley.support.Scenarios;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Bob deletes his account from his profile, as a person does it: a wrong password first, then the right one. His other
 * tab goes to the sign-in page at once, his password opens nothing any more, and Ann, his friend, still reads what he
 * wrote to her, now from "Deleted user", while he disappears from her friends.
 */
class DeleteAccountBrowserTest extends BrowserTestBase {

    @Autowired
    TestUsers users;

    @Autowired
    Scenarios scenarios;

    @Autowired
    ChatService chat;

    @Autowired
    AccountDeletion deletion;

    /** "Deleted user" is stored in English; a Chinese reader reads it in Chinese, in the list, header and messages. */
    @Test
    void a_chinese_reader_sees_a_deleted_account_named_in_chinese() {
        Map<String, UserSummary> people = users.createAll("mei", "bob");
        UserSummary mei = people.get("mei");
        UserSummary bob = people.get("bob");
        long direct = scenarios.friendsWithConversation(mei, bob);
        TestUsers.run(bob, () -> chat.send(direct, "Goodbye, Mei"));
        TestUsers.run(bob, () -> deletion.deleteMyAccount(TestUsers.PASSWORD));

        Page meiPage = newPerson(new Browser.NewContextOptions().setLocale("zh-CN"));
        signIn(meiPage, mei, "websocket");
        meiPage.navigate(url("chat/" + direct));
        Locator message = meiPage.locator("[data-testid=message-list] vaadin-message");
        assertThat(message).containsText("Goodbye, Mei");
        assertThat(message).containsText("已删除的用户");
        assertThat(meiPage.locator(".conversation-title")).containsText("已删除的用户");
        assertThat(meiPage.locator(".conversation-row")).containsText("已删除的用户");
        assertThat(meiPage.getByText("无法在这里发送消息：这个账号已被删除。")).isVisible();
        assertThat(meiPage.locator("body")).not().containsText("Deleted user");
        snapshot(meiPage, "deleted-user-zh");
    }

    @ParameterizedTest(name = "push over {0}")
    @Transports
    void a_person_deletes_their_account_and_their_words_stay_for_their_friend(String transport) {
        Map<String, UserSummary> people = users.createAll("ann", "bob");
        UserSummary ann = people.get("ann");
        UserSummary bob = people.get("bob");
        long direct = scenarios.friendsWithConversation(ann, bob);
        TestUsers.run(bob, () -> chat.send(direct, "Remember the picnic, Ann"));

        Page annPage = newPerson();
        Page bobPage = newPerson();
        Page bobOtherTab = bobPage.context().newPage();
        List<String> sockets = webSocketsOf(annPage, bobPage, bobOtherTab);
        signIn(annPage, ann, transport);
        signIn(bobPage, bob, transport);
        bobOtherTab.navigate(url("chat/" + direct));
        annPage.navigate(url("friends"));
        Locator annsFriends = annPage.locator("[data-testid=friend-list]");
        assertThat(annsFriends).containsText(bob.displayName());

        bobPage.navigate(url("profile"));
        bobPage.locator("[data-testid=profile-delete-account]").click();
        assertThat(bobPage.getByText("What you wrote stays where others read it"))
                .isVisible();
        Locator confirmation = bobPage.locator("[data-testid=delete-account-confirmation] input");
        confirmation.fill("not my password");
        bobPage.locator("[data-testid=delete-account-confirm]").click();
        assertThat(bobPage.locator("[data-testid=delete-account-error]")).hasText("The current password is wrong.");
        snapshot(bobPage, "delete-account-" + transport);
        assertTransport(transport, sockets);
        confirmation.fill(TestUsers.PASSWORD);
        bobPage.locator("[data-testid=delete-account-confirm]").click();

        bobPage.waitForURL("**/login?deleted");
        assertThat(bobPage.getByText("Your account has been deleted")).isVisible();
        // Signed out for good: his cookies no longer open his conversation.
        bobPage.navigate(url("chat/" + direct));
        bobPage.waitForURL("**/login");
        // The other tab, open on his conversation, is sent to the sign-in page at once (long polling may find the
        // session gone before it collects the push that says why: then it is the plain sign-in page).
        bobOtherTab.waitForURL(Pattern.compile(".*/login.*"));
        // Ann's friends list changes at once; his words stay in her conversation, from "Deleted user".
        assertThat(annsFriends).not().containsText(bob.displayName());
        annPage.navigate(url("chat/" + direct));
        Locator message = annPage.locator("[data-testid=message-list] vaadin-message");
        assertThat(message).hasCount(1);
        assertThat(message).containsText("Remember the picnic, Ann");
        assertThat(message).containsText("Deleted user");
        assertThat(message).not().containsText("~deleted");
        assertThat(annPage.locator(".conversation-title")).not().containsText("~deleted");
        assertThat(annPage.getByText("Messages can no longer be sent here: this account has been deleted."))
                .isVisible();
        snapshot(annPage, "deleted-user-message-" + transport);

        bobPage.navigate(url("login"));
        bobPage.locator("input[name=username]").fill(bob.username());
        bobPage.locator("input[name=password]").fill(TestUsers.PASSWORD);
        bobPage.locator("vaadin-login-form vaadin-button[slot=submit]").click();
        bobPage.waitForURL("**/login?error");
    }
}
