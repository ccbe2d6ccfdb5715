package org.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.parley.account.service.UserSummary;
import org.parley.groups.service.GroupSummary;
import org.parley.support.Scenarios;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two members of a group who are not friends talk privately: a temporary conversation started from the
 * group's member list, marked as such on both sides, live in both directions; and once they become
 * friends, the open conversation stops being temporary without a reload.
 */
class TemporaryConversationBrowserTest extends BrowserTestBase {

    @Autowired
    TestUsers users;

    @Autowired
    Scenarios scenarios;

    @ParameterizedTest(name = "push over {0}")
    @Transports
    void members_who_are_not_friends_talk_temporarily_until_they_become_friends(String transport) {
        UserSummary annUser = users.create("ann");
        UserSummary catUser = users.create("cat");
        String groupName = "Choir " + TestUsers.uniqueName("altos");
        GroupSummary group = scenarios.openGroup(annUser, groupName, "Tuesdays at eight", catUser);
        String ann = annUser.username();
        String cat = catUser.username();

        Page annPage = newPerson();
        Page catPage = newPerson();
        List<String> sockets = webSocketsOf(annPage, catPage);
        signIn(annPage, annUser, transport);
        signIn(catPage, catUser, transport);

        // Cat waits on her chat page (where signing in lands): only the group so far.
        assertThat(catPage.locator("[data-testid=conversation-list]")).isVisible();
        assertThat(catPage.locator("[data-testid=conversation-group-" + group.conversationId() + "]"))
                .isVisible();
        assertThat(catPage.locator("[data-testid=conversation-" + ann + "]")).hasCount(0);

        // Ann opens the group, its members, and presses Message next to Cat.
        annPage.navigate(url("chat/" + group.conversationId()));
        assertThat(annPage.locator("[data-testid=conversation-header]")).containsText(groupName);
        annPage.locator("[data-testid=group-members-button]").click();
        Locator catRow = annPage.locator("[data-testid=group-members] [data-testid=member-" + cat + "]");
        assertThat(catRow).isVisible();
        catRow.locator("[data-testid=message-" + cat + "]").click();
        annPage.waitForURL(Pattern.compile(".*/chat/(?!" + group.conversationId() + "$)\\d+$"));
        String temporaryConversation = annPage.url().substring(annPage.url().indexOf("/chat/") + 1);

        // She lands in a conversation with Cat, marked temporary, naming the group it came from.
        Locator annHeader = annPage.locator("[data-testid=conversation-header]");
        assertThat(annHeader).containsText(catUser.displayName());
        assertThat(annHeader.locator("[data-testid=temporary-badge]")).hasText("Temporary");
        assertThat(annHeader).containsText("from " + groupName);
        Locator addFriend = annHeader.locator("[data-testid=temporary-add-friend]");
        assertThat(addFriend).hasText("Add friend");
        Locator annInput = annPage.locator("[data-testid=message-input] textarea");
        annInput.fill("Hi Cat, could you send me the alto part?");
        annInput.press("Enter");
        Locator annMessages = annPage.locator("[data-testid=message-list]");
        assertThat(annMessages.getByText("Hi Cat, could you send me the alto part?"))
                .hasCount(1);
        snapshot(annPage, "temporary-ann-" + transport);

        // Cat's open page gets the conversation, marked temporary, with an unread message.
        Locator catRowInList = catPage.locator("[data-testid=conversation-" + ann + "]");
        assertThat(catRowInList).isVisible();
        assertThat(catRowInList.locator(".temporary-badge")).hasText("Temporary");
        assertThat(catRowInList).containsText("Hi Cat, could you send me the alto part?");
        assertThat(catPage.locator("[data-testid=unread-" + ann + "]")).hasText("1");
        snapshot(catPage, "temporary-cat-list-" + transport);
        catRowInList.click();
        catPage.waitForURL("**/" + temporaryConversation);
        Locator catHeader = catPage.locator("[data-testid=conversation-header]");
        assertThat(catHeader).containsText(annUser.displayName());
        assertThat(catHeader.locator("[data-testid=temporary-badge]")).hasText("Temporary");
        assertThat(catHeader).containsText("from " + groupName);
        Locator catMessages = catPage.locator("[data-testid=message-list]");
        assertThat(catMessages.getByText("Hi Cat, could you send me the alto part?"))
                .hasCount(1);

        // Cat answers; Ann's open conversation shows it without a reload.
        Locator catInput = catPage.locator("[data-testid=message-input] textarea");
        catInput.fill("Sure, Ann. Page 12 onwards.");
        catInput.press("Enter");
        assertThat(annMessages.getByText("Sure, Ann. Page 12 onwards.")).hasCount(1);
        assertThat(annMessages.locator("vaadin-message")).hasCount(2);
        assertThat(catMessages.locator("vaadin-message")).hasCount(2);

        // Ann asks to be friends from the conversation header.
        addFriend.click();
        assertThat(addFriend).hasText("Request sent");
        assertThat(addFriend).isDisabled();

        // Cat accepts on her requests page.
        catPage.navigate(url("friends?requests"));
        Locator request = catPage.locator("[data-testid=request-list] [data-testid=person-" + ann + "]");
        assertThat(request).isVisible();
        request.getByText("Accept").click();
        assertThat(request).isHidden();

        // Ann's open conversation is no longer temporary, live: no badge, no "from", no Add friend.
        assertThat(annHeader.locator("[data-testid=temporary-badge]")).isHidden();
        assertThat(annHeader).not().containsText("from " + groupName);
        assertThat(addFriend).isHidden();
        assertThat(annHeader).containsText("@" + cat);
        snapshot(annPage, "temporary-became-friends-ann-" + transport);
        // The conversation list beside it agrees at once (before any new message re-draws it).
        assertThat(annPage.locator("[data-testid=conversation-" + cat + "] .temporary-badge"))
                .hasCount(0);

        // Cat's view agrees, and they keep talking in the same conversation.
        catPage.navigate(url(temporaryConversation));
        assertThat(catPage.locator("[data-testid=conversation-header]")).containsText(annUser.displayName());
        assertThat(catPage.locator("[data-testid=conversation-header] [data-testid=temporary-badge]"))
                .hasCount(0);
        assertThat(catPage.locator("[data-testid=conversation-" + ann + "] .temporary-badge"))
                .hasCount(0);
        assertThat(catPage.locator("[data-testid=message-list] vaadin-message")).hasCount(2);
        annInput.fill("Thanks, friend!");
        annInput.press("Enter");
        assertThat(catPage.locator("[data-testid=message-list]").getByText("Thanks, friend!"))
                .hasCount(1);
        assertThat(annMessages.locator("vaadin-message")).hasCount(3);

        assertTransport(transport, sockets);
    }
}
