package org.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.account.service.UserSummary;
import org.parley.chat.service.ChatService;
import org.parley.groups.domain.ChatGroup.JoinPolicy;
import org.parley.groups.service.GroupService;
import org.parley.groups.service.GroupSummary;
import org.parley.support.Scenarios;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Parley without a mouse: the main paths with the keyboard alone, each focused control showing that it has focus;
 * and a screen reader told of each new message once, not of the whole list again when older messages load.
 */
class KeyboardBrowserTest extends BrowserTestBase {

    @Autowired
    TestUsers users;

    @Autowired
    Scenarios scenarios;

    @Autowired
    ChatService chat;

    @Autowired
    GroupService groups;

    @Test
    void open_a_conversation_send_and_approve_a_request_with_the_keyboard_alone() {
        Map<String, UserSummary> people = users.createAll("ann", "bob", "carl");
        UserSummary ann = people.get("ann");
        UserSummary bob = people.get("bob");
        UserSummary carl = people.get("carl");
        long direct = scenarios.friendsWithConversation(ann, bob);
        TestUsers.run(bob, () -> chat.send(direct, "Are you coming?"));
        GroupSummary club =
                scenarios.groupWithMembers(ann, "Club " + TestUsers.uniqueName("k"), "Books", JoinPolicy.APPROVAL, bob);
        TestUsers.run(carl, () -> groups.join(club.id(), "May I join?"));

        Page page = newPerson();
        signIn(page, ann, "websocket");

        // From the list to the conversation: Tab to Bob's row, Enter; the composer has the focus.
        tabTo(page, "[data-testid=conversation-" + bob.username() + "]");
        assertFocusVisible(page);
        page.keyboard().press("Enter");
        page.waitForURL("**/chat/" + direct);
        assertThat(messages(page).getByText("Are you coming?")).isVisible();
        page.waitForFunction(
                "() => document.activeElement" + " && document.activeElement.closest('[data-testid=message-input]')");
        page.keyboard().type("On my way");
        page.keyboard().press("Enter");
        assertThat(messages(page).getByText("On my way")).isVisible();

        // The group's members, its requests tab (arrow keys), approving Carl, and Esc to close.
        tabTo(page, "[data-testid=conversation-group-" + club.conversationId() + "]");
        page.keyboard().press("Enter");
        page.waitForURL("**/chat/" + club.conversationId());
        tabTo(page, "[data-testid=group-members-button]");
        assertFocusVisible(page);
        page.keyboard().press("Enter");
        assertThat(page.locator("[data-testid=group-members]")).isVisible();
        tabTo(page, "vaadin-tab[aria-selected=true]");
        assertFocusVisible(page);
        page.keyboard().press("ArrowRight"); // to "Requests (1)"; Enter chooses it
        page.keyboard().press("Enter");
        assertThat(page.locator("vaadin-tab[aria-selected=true]")).hasText("Requests (1)");
        tabTo(page, "[data-testid=approve-" + carl.username() + "]");
        assertFocusVisible(page);
        page.keyboard().press("Enter");
        assertThat(page.locator("[data-testid=member-" + carl.username() + "]")).isAttached();
        page.keyboard().press("Escape");
        assertThat(page.locator("[data-testid=group-members]")).isHidden();
    }

    @Test
    void a_new_message_is_announced_once_and_loading_older_ones_announces_nothing() {
        Map<String, UserSummary> people = users.createAll("ann", "bob");
        UserSummary ann = people.get("ann");
        UserSummary bob = people.get("bob");
        long direct = scenarios.friendsWithConversation(ann, bob);
        for (int i = 1; i <= ChatService.PAGE_SIZE + 10; i++) {
            int n = i;
            TestUsers.run(bob, () -> chat.send(direct, "old " + n));
        }

        Page page = newPerson();
        signIn(page, ann, "websocket");
        page.navigate(url("chat/" + direct));
        assertThat(messages(page)
                        .getByText(
                                "old " + (ChatService.PAGE_SIZE + 10), new Locator.GetByTextOptions().setExact(true)))
                .isVisible();
        assertThat(messages(page)).not().hasAttribute("aria-live", "polite");
        recordAnnouncements(page);

        TestUsers.run(bob, () -> chat.send(direct, "Are you there?"));
        assertThat(page.locator("[data-testid=message-announcer]")).hasText(bob.displayName() + ": Are you there?");
        assertThat(page.locator("[data-testid=message-announcer]")).hasAttribute("role", "status");

        // Older messages load: the list is re-rendered, nothing is said.
        page.locator("[data-testid=load-earlier]").click();
        assertThat(messages(page).getByText("old 1", new Locator.GetByTextOptions().setExact(true)))
                .isAttached();
        // One's own message is not announced to oneself.
        Locator input = page.locator("[data-testid=message-input] textarea");
        input.fill("Yes, here");
        input.press("Enter");
        assertThat(messages(page).getByText("Yes, here")).isVisible();
        TestUsers.run(bob, () -> chat.send(direct, "Good"));
        assertThat(page.locator("[data-testid=message-announcer]")).hasText(bob.displayName() + ": Good");

        @SuppressWarnings("unchecked")
        List<String> said = (List<String>) page.evaluate("() => window.said");
        assertThat(said).containsExactly(bob.displayName() + ": Are you there?", bob.displayName() + ": Good");
    }

    /** Everything the announcer says from now on, in order, into window.said. */
    private static void recordAnnouncements(Page page) {
        page.evaluate("""
                () => {
                  window.said = [];
                  const announcer = document.querySelector('[data-testid=message-announcer]');
                  new MutationObserver(() => window.said.push(announcer.textContent))
                      .observe(announcer, {childList: true, characterData: true, subtree: true});
                }""");
    }

    private static Locator messages(Page page) {
        return page.locator("[data-testid=message-list]");
    }

    /** Presses Tab until the focus is on (or inside) the element {@code selector} finds, as a keyboard user does. */
    private static void tabTo(Page page, String selector) {
        for (int presses = 0; presses < 60; presses++) {
            Object there = page.evaluate(
                    "selector => { const target = document.querySelector(selector);"
                            + " return !!target && (target === document.activeElement"
                            + " || target.contains(document.activeElement)); }",
                    selector);
            if (Boolean.TRUE.equals(there)) {
                return;
            }
            page.keyboard().press("Tab");
        }
        snapshot(page, "keyboard-lost");
        throw new AssertionError("Tab never reached " + selector);
    }

    /** The focused control shows it: Vaadin's focus ring, or an outline or shadow drawn for :focus-visible. */
    private static void assertFocusVisible(Page page) {
        Object shown = page.evaluate("""
                () => {
                  const focused = document.activeElement;
                  if (focused.hasAttribute('focus-ring')) return true;
                  const style = getComputedStyle(focused);
                  return focused.matches(':focus-visible')
                      && ((style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
                          || style.boxShadow !== 'none');
                }""");
        assertThat(shown).as("the focused control shows its focus").isEqualTo(true);
    }
}
