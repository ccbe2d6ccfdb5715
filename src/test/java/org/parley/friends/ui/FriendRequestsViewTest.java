package org.parley.friends.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.friends.ui.PeopleViewTest.button;
import static org.parley.friends.ui.PeopleViewTest.buttonsIn;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.QueryParameters;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.account.service.UserSummary;
import org.parley.friends.service.FriendService;
import org.parley.support.BrowserlessUiTest;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A friend request between two people who both have Parley open at the same time: the recipient
 * sees it arrive without reloading, and after accepting both see each other as friends.
 */
class FriendRequestsViewTest extends BrowserlessUiTest {

    private static final String NOTE = "Hi Bob, it's Alice from the book club";

    @Autowired
    FriendService friends;

    @Test
    void a_request_appears_live_in_the_recipients_open_friends_view_and_badge_and_accepting_makes_both_friends() {
        UserSummary alice = users.create("alice");
        UserSummary bob = users.create("bob");
        try (BrowserlessUIContext aliceWindow = windowOf(alice);
                BrowserlessUIContext bobWindow = windowOf(bob)) {
            // Bob is looking at his requests; alice searches for him. Both pages are open at once.
            FriendsView bobsFriends = openRequests(bobWindow);
            assertThat(badge(bobWindow, "nav-requests")).as("no requests yet").isEmpty();
            assertThat(rowIn(bobWindow, bobsFriends.requestList, alice))
                    .as("no request from alice yet")
                    .isNull();
            PeopleView alicesPeople = aliceWindow.navigate(PeopleView.class);
            // alice also keeps her friends page open in a second tab
            BrowserlessUIContext aliceSecondTab = aliceWindow.getUser().newWindow();
            FriendsView alicesFriends = aliceSecondTab.navigate(FriendsView.class);

            in(aliceWindow).test(alicesPeople.search).setValue(bob.username());
            in(aliceWindow)
                    .test(button(aliceWindow, PeopleViewTest.personRow(aliceWindow, bob), "Add friend"))
                    .click();
            in(aliceWindow)
                    .test(aliceWindow
                            .find(TextArea.class)
                            .withTestId("request-note")
                            .single())
                    .setValue(NOTE);
            in(aliceWindow)
                    .test(aliceWindow
                            .find(Button.class)
                            .withTestId("request-send")
                            .single())
                    .click();

            // Bob did nothing: the server pushed the request into the page he has open.
            push(bobWindow);
            PersonRow request = rowIn(bobWindow, bobsFriends.requestList, alice);
            assertThat(request).as("alice's request in bob's open Requests tab").isNotNull();
            assertThat(textOf(request)).contains(alice.displayName(), "“" + NOTE + "”");
            assertThat(buttonsIn(bobWindow, request)).contains("Accept", "Decline");
            assertThat(badge(bobWindow, "nav-requests")).as("requests badge").contains("1");
            assertThat(tabLabels(bobWindow)).contains("Requests (1)");
            assertThat(notifications(bobWindow)).contains(alice.displayName() + " sent you a friend request.");

            // alice's other tab lists it under Sent.
            push(aliceSecondTab);
            in(aliceSecondTab)
                    .test(aliceSecondTab.find(TabSheet.class).single())
                    .select(1);
            PersonRow sent = rowIn(aliceSecondTab, alicesFriends.requestList, bob);
            assertThat(sent).isNotNull();
            assertThat(textOf(sent)).contains("Request sent");
            in(aliceSecondTab)
                    .test(aliceSecondTab.find(TabSheet.class).single())
                    .select(0);

            // Bob accepts.
            in(bobWindow).test(button(bobWindow, request, "Accept")).click();
            push(bobWindow);

            assertThat(notifications(bobWindow)).contains("You and " + alice.displayName() + " are now friends.");
            assertThat(badge(bobWindow, "nav-requests"))
                    .as("badge gone once answered")
                    .isEmpty();
            assertThat(rowIn(bobWindow, bobsFriends.requestList, alice)).isNull();
            in(bobWindow).test(bobWindow.find(TabSheet.class).single()).select(0);
            assertThat(tabLabels(bobWindow)).contains("Friends (1)");
            PersonRow aliceAsFriend = rowIn(bobWindow, bobsFriends.friendList, alice);
            assertThat(aliceAsFriend).isNotNull();
            assertThat(textOf(aliceAsFriend)).contains("Friend");
            assertThat(buttonsIn(bobWindow, aliceAsFriend)).contains("Message");

            // alice sees it in both her open tabs without reloading.
            push(aliceWindow);
            assertThat(notifications(aliceWindow)).contains(bob.displayName() + " accepted your friend request.");
            PersonRow bobInSearch = PeopleViewTest.personRow(aliceWindow, bob);
            assertThat(textOf(bobInSearch)).contains("Friend");
            assertThat(buttonsIn(aliceWindow, bobInSearch)).contains("Message").doesNotContain("Cancel");
            push(aliceSecondTab);
            PersonRow bobAsFriend = rowIn(aliceSecondTab, alicesFriends.friendList, bob);
            assertThat(bobAsFriend).isNotNull();
            assertThat(buttonsIn(aliceSecondTab, bobAsFriend)).contains("Message");
            assertThat(tabLabels(aliceSecondTab)).contains("Friends (1)");
        }
        assertThat(TestUsers.as(alice, friends::friends))
                .extracting(UserSummary::id)
                .containsExactly(bob.id());
    }

    @Test
    void declining_removes_the_request_on_both_sides_and_makes_nobody_friends() {
        UserSummary alice = users.create("alice");
        UserSummary bob = users.create("bob");
        try (BrowserlessUIContext aliceWindow = windowOf(alice);
                BrowserlessUIContext bobWindow = windowOf(bob)) {
            FriendsView bobsFriends = openRequests(bobWindow);
            FriendsView alicesFriends = openRequests(aliceWindow);
            TestUsers.run(alice, () -> friends.sendRequest(bob.id(), null));
            push(bobWindow);
            push(aliceWindow);
            assertThat(rowIn(aliceWindow, alicesFriends.requestList, bob)).isNotNull();
            PersonRow request = rowIn(bobWindow, bobsFriends.requestList, alice);
            assertThat(request).isNotNull();
            assertThat(badge(bobWindow, "nav-requests")).contains("1");

            in(bobWindow).test(button(bobWindow, request, "Decline")).click();
            push(bobWindow); // the badge learns of it through the live event, like every other tab

            assertThat(rowIn(bobWindow, bobsFriends.requestList, alice)).isNull();
            assertThat(badge(bobWindow, "nav-requests")).isEmpty();
            push(aliceWindow);
            assertThat(rowIn(aliceWindow, alicesFriends.requestList, bob))
                    .as("gone from alice's Sent")
                    .isNull();
            assertThat(rowIn(aliceWindow, alicesFriends.friendList, bob)).isNull();
        }
        assertThat(TestUsers.as(alice, friends::friends)).isEmpty();
    }

    /** The row for {@code user} inside one of the view's lists, or null when it is not listed. */
    private static PersonRow rowIn(BrowserlessUIContext window, Div list, UserSummary user) {
        window.activate();
        return list.getChildren()
                .filter(PersonRow.class::isInstance)
                .map(PersonRow.class::cast)
                .filter(row -> ("person-" + user.username()).equals(row.getTestId()))
                .findFirst()
                .orElse(null);
    }

    /** Opens Friends on its Requests tab, the way the address friends?requests does. */
    private static FriendsView openRequests(BrowserlessUIContext window) {
        window.activate();
        window.getUI().navigate("friends", QueryParameters.simple(Map.of("requests", "")));
        return (FriendsView) window.getCurrentView();
    }

    private static java.util.List<String> tabLabels(BrowserlessUIContext window) {
        window.activate();
        return window.find(com.vaadin.flow.component.tabs.Tab.class).all().stream()
                .map(com.vaadin.flow.component.tabs.Tab::getLabel)
                .toList();
    }
}
