package org.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.account.service.UserSummary;
import org.parley.support.Scenarios;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A person sending faster than the limit (here 2 messages a minute) is told how long to wait, and the message that
 * was refused stays in the field to send again; the other person receives only what was sent.
 */
@TestPropertySource(properties = "parley.limits.messages-per-person=2/1m")
class SendingTooFastBrowserTest extends BrowserTestBase {

    @Autowired
    TestUsers users;

    @Autowired
    Scenarios scenarios;

    @Test
    void the_message_over_the_limit_is_refused_with_the_wait_and_kept_in_the_field() {
        Map<String, UserSummary> people = users.createAll("fast", "reader");
        long conversation = scenarios.friendsWithConversation(people.get("fast"), people.get("reader"));
        Page fast = newPerson();
        Page reader = newPerson();
        signIn(fast, people.get("fast").username(), TestUsers.PASSWORD);
        signIn(reader, people.get("reader").username(), TestUsers.PASSWORD);
        fast.navigate(url("chat/" + conversation));
        reader.navigate(url("chat/" + conversation));

        Locator input = fast.locator("[data-testid=message-input] textarea");
        for (String text : new String[] {"one", "two", "three, too fast"}) {
            input.fill(text);
            input.press("Enter");
        }

        assertThat(fast.getByText("You are sending messages too fast; try again in 30 seconds."))
                .isVisible();
        assertThat(input).hasValue("three, too fast");
        Locator received = reader.locator("[data-testid=message-list]");
        assertThat(received.getByText("two")).isVisible();
        assertThat(received.getByText("three, too fast")).hasCount(0);
        snapshot(fast, "sending-too-fast");
    }
}
