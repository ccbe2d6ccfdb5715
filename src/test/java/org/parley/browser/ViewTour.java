package org.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.parley.account.service.UserSummary;
import org.parley.administration.service.AdministrationService;
import org.parley.chat.service.ChatService;
import org.parley.groups.domain.ChatGroup.JoinPolicy;
import org.parley.groups.service.GroupService;
import org.parley.groups.service.GroupSummary;
import org.parley.support.Scenarios;
import org.parley.support.TestUsers;

/**
 * Every view and dialog of Parley with something in it, visited in turn by Ann: sign-in and registration, the chat
 * list, a one-on-one conversation and its message search, a group (approval needed, Carl asking to join) and each
 * tab of its panel, people, friends, groups and the new-group dialog, profile and the notification choices, and
 * Administration's people and groups (Ann is a server administrator). The
 * audits (accessibility, language) run their check at each stop.
 */
final class ViewTour {

    /** The people and conversations the tour shows; the messages are Chinese, as a Chinese reader's would be. */
    record Cast(UserSummary ann, UserSummary bob, UserSummary carl, long direct, GroupSummary club) {

        /** What the people wrote, and their names: words a page may show in any language. */
        List<String> theirWords() {
            return List.of(
                    ann.displayName(),
                    ann.username(),
                    bob.displayName(),
                    bob.username(),
                    carl.displayName(),
                    carl.username(),
                    club.name(),
                    "https://example.org/menu");
        }
    }

    static final String LUNCH = "中午一起吃饭吗？ https://example.org/menu";
    static final String ANSWER = "好的，到时见";
    static final String NEXT_BOOK = "下一本书：《三体》";

    private ViewTour() {}

    static Cast cast(
            TestUsers users,
            Scenarios scenarios,
            ChatService chat,
            GroupService groups,
            AdministrationService administration) {
        Map<String, UserSummary> people = users.createAll("ann", "bob", "carl");
        UserSummary ann = people.get("ann");
        UserSummary bob = people.get("bob");
        UserSummary carl = people.get("carl");
        long direct = scenarios.friendsWithConversation(ann, bob);
        TestUsers.run(bob, () -> chat.send(direct, LUNCH));
        TestUsers.run(ann, () -> chat.send(direct, ANSWER));
        GroupSummary club =
                scenarios.groupWithMembers(ann, "Club " + TestUsers.uniqueName("t"), "我们读的书", JoinPolicy.APPROVAL, bob);
        TestUsers.run(carl, () -> groups.join(club.id(), "我可以加入吗？"));
        TestUsers.run(bob, () -> chat.send(club.conversationId(), NEXT_BOOK));
        // Ann runs the server too: Administration is on her tour.
        TestUsers.run(users.administrator(), () -> administration.makeAdministrator(ann.id()));
        return new Cast(ann, bob, carl, direct, club);
    }

    /** Walks {@code page} (a new person's) through every view as Ann, calling {@code check} at each stop. */
    static void walk(BrowserTestBase test, Page page, Cast cast, BiConsumer<Page, String> check) {
        page.navigate(test.url("login"));
        assertThat(page.locator("vaadin-login-form")).isVisible();
        check.accept(page, "login");
        page.navigate(test.url("register"));
        assertThat(page.locator("[data-testid=register-username]")).isVisible();
        check.accept(page, "register");

        test.signIn(page, cast.ann(), "websocket");
        assertThat(page.locator("[data-testid=conversation-list]")).isVisible();
        check.accept(page, "chats");

        page.navigate(test.url("chat/" + cast.direct()));
        assertThat(messages(page).getByText(ANSWER)).isVisible();
        check.accept(page, "direct");
        page.locator("[data-testid=message-search-open]").click();
        assertThat(page.locator("[data-testid=message-search-field]")).isVisible();
        check.accept(page, "message-search");
        page.keyboard().press("Escape");
        assertThat(page.locator("[data-testid=message-search-field]")).isHidden();

        page.navigate(test.url("chat/" + cast.club().conversationId()));
        assertThat(messages(page).getByText(NEXT_BOOK)).isVisible();
        check.accept(page, "group");
        page.locator("[data-testid=group-members-button]").click();
        assertThat(page.locator("[data-testid=group-members]")).isVisible();
        check.accept(page, "group-members");
        Locator tabs = page.locator("vaadin-dialog vaadin-tab, vaadin-dialog-overlay vaadin-tab");
        for (int i = 1; i < tabs.count(); i++) {
            tabs.nth(i).click();
            assertThat(tabs.nth(i)).hasAttribute("aria-selected", "true");
            check.accept(page, "group-tab-" + i);
        }
        page.keyboard().press("Escape");

        page.navigate(test.url("people"));
        page.locator("[data-testid=people-search] input").fill(cast.carl().username());
        assertThat(page.locator("[data-testid=person-" + cast.carl().username() + "]"))
                .isVisible();
        check.accept(page, "people");
        page.navigate(test.url("friends"));
        assertThat(page.locator("[data-testid=friend-list]")).isVisible();
        check.accept(page, "friends");
        page.navigate(test.url("groups"));
        assertThat(page.locator("[data-testid=group-search]")).isVisible();
        check.accept(page, "groups");
        page.locator("[data-testid=group-create]").click();
        assertThat(page.locator("[data-testid=group-name]")).isVisible();
        check.accept(page, "group-create");
        page.keyboard().press("Escape");
        page.navigate(test.url("profile"));
        assertThat(page.locator("[data-testid=profile-color-scheme]")).isVisible();
        check.accept(page, "profile");
        page.locator("[data-testid=notification-choices]").click();
        assertThat(page.locator("[data-testid=notify-show]")).isVisible();
        check.accept(page, "notification-choices");
        page.keyboard().press("Escape");
        page.navigate(test.url("profile/delete-account"));
        assertThat(page.locator("[data-testid=delete-account-confirmation]")).isVisible();
        check.accept(page, "delete-account");

        // Administration (Ann is a server administrator). Its log is left out: it names whoever other tests made.
        page.navigate(test.url("administration"));
        page.locator("[data-testid=administration-people-search] input")
                .fill(cast.carl().username());
        assertThat(page.locator(
                        "[data-testid=administration-person-" + cast.carl().username() + "]"))
                .isVisible();
        assertThat(page.locator("[data-testid=administration-people]"))
                .hasAttribute("data-query", cast.carl().username());
        check.accept(page, "administration-people");
        page.getByRole(AriaRole.TAB).nth(1).click();
        page.locator("[data-testid=administration-groups-search] input")
                .fill(cast.club().name());
        assertThat(page.locator(
                        "[data-testid=administration-group-" + cast.club().id() + "]"))
                .isVisible();
        assertThat(page.locator("[data-testid=administration-groups]"))
                .hasAttribute("data-query", cast.club().name());
        check.accept(page, "administration-groups");
    }

    private static Locator messages(Page page) {
        return page.locator("[data-testid=message-list]");
    }
}
