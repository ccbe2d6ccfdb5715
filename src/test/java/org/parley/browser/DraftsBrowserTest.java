package org.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.account.service.UserSummary;
import org.parley.groups.service.GroupSummary;
import org.parley.support.Scenarios;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Drafts: what Ann types and does not send stays with its conversation when she switches to another and back, and
 * through a reload; sending it clears it. Bob gets the message as usual.
 */
class DraftsBrowserTest extends BrowserTestBase {

    @Autowired
    TestUsers users;

    @Autowired
    Scenarios scenarios;

    @Test
    void a_draft_stays_with_its_conversation_until_it_is_sent() {
        Map<String, UserSummary> people = users.createAll("ann", "bob");
        UserSummary ann = people.get("ann");
        UserSummary bob = people.get("bob");
        long direct = scenarios.friendsWithConversation(ann, bob);
        GroupSummary group = scenarios.openGroup(bob, "Drafters " + TestUsers.uniqueName("g"), "", ann);

        Page annPage = newPerson();
        Page bobPage = newPerson();
        signIn(annPage, ann, "websocket");
        signIn(bobPage, bob, "websocket");
        bobPage.navigate(url("chat/" + direct));
        annPage.navigate(url("chat/" + direct));
        Locator input = annPage.locator("[data-testid=message-input] textarea");
        Locator toBob = annPage.locator("[data-testid=conversation-" + bob.username() + "]");
        Locator toGroup = annPage.locator("[data-testid=conversation-group-" + group.conversationId() + "]");

        // Half a message to Bob; the group's field starts empty and keeps its own.
        input.fill("Half a thought for Bob");
        toGroup.click();
        assertThat(annPage.locator("[data-testid=conversation-header]")).containsText(group.name());
        assertThat(input).hasValue("");
        input.fill("Draft for the group");
        toBob.click();
        assertThat(annPage.locator("[data-testid=conversation-header]")).containsText(bob.displayName());
        assertThat(input).hasValue("Half a thought for Bob");

        // A reload (or a server restart) does not lose it.
        annPage.reload();
        assertThat(input).hasValue("Half a thought for Bob");
        snapshot(annPage, "draft-after-reload");

        // Sent: Bob has it, and the draft is gone, also after a reload; the group's draft is still there.
        input.press("Enter");
        assertThat(bobPage.locator("[data-testid=message-list]").getByText("Half a thought for Bob"))
                .hasCount(1);
        assertThat(input).hasValue("");
        annPage.reload();
        assertThat(annPage.locator("[data-testid=message-list]").getByText("Half a thought for Bob"))
                .hasCount(1);
        assertThat(input).hasValue("");
        toGroup.click();
        assertThat(input).hasValue("Draft for the group");
    }
}
