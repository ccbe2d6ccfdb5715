package org.parley.friends.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.parley.account.service.AccountService;
import org.parley.account.service.UserSummary;
import org.parley.friends.service.FriendService;
import org.parley.friends.service.PendingRequest;
import org.parley.support.BrowserlessUiTest;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/** Finding people and asking them to be friends, as the person searching sees it. */
class PeopleViewTest extends BrowserlessUiTest {

    @Autowired
    AccountService accounts;

    @Autowired
    FriendService friends;

    @Test
    void typing_part_of_a_user_name_lists_that_person_with_add_friend() {
        UserSummary alice = users.create("alice");
        UserSummary bob = users.create("bob");
        // The random tail of bob's user name, in other case: nobody else's name contains it.
        String part = bob.username().substring(bob.username().length() - 7).toUpperCase(Locale.ROOT);
        try (BrowserlessUIContext window = windowOf(alice)) {
            PeopleView view = window.navigate(PeopleView.class);

            window.test(view.search).setValue(part);

            assertThat(window.find(PersonRow.class).all())
                    .singleElement()
                    .satisfies(row -> assertThat(row.getTestId()).contains("person-" + bob.username()));
            PersonRow row = personRow(window, bob);
            assertThat(textOf(row)).contains(bob.displayName(), "@" + bob.username());
            assertThat(buttonsIn(window, row)).contains("Add friend");
        }
    }

    @Test
    void typing_part_of_a_display_name_finds_the_person_too() {
        UserSummary alice = users.create("alice");
        String surname = "Zq" + TestUsers.uniqueName("x").substring(2);
        UserSummary carol = accounts.register(
                TestUsers.uniqueName("carol"), "Carol " + surname, TestUsers.PASSWORD, TestUsers.newAddress());
        try (BrowserlessUIContext window = windowOf(alice)) {
            PeopleView view = window.navigate(PeopleView.class);

            window.test(view.search).setValue(surname.toLowerCase(Locale.ROOT));

            assertThat(window.find(PersonRow.class).all()).hasSize(1);
            assertThat(textOf(personRow(window, carol))).contains("Carol " + surname);
        }
    }

    @Test
    void a_search_that_matches_nobody_says_so_and_lists_no_one() {
        UserSummary alice = users.create("alice");
        String nonsense = "no-such-person-" + TestUsers.uniqueName("q");
        try (BrowserlessUIContext window = windowOf(alice)) {
            PeopleView view = window.navigate(PeopleView.class);

            window.test(view.search).setValue(nonsense);

            assertThat(window.find(PersonRow.class).all()).isEmpty();
            assertThat(textOf(view)).contains("Nobody found", nonsense);
        }
    }

    @Test
    void you_do_not_find_yourself() {
        UserSummary alice = users.create("alice");
        try (BrowserlessUIContext window = windowOf(alice)) {
            PeopleView view = window.navigate(PeopleView.class);

            window.test(view.search).setValue(alice.username());

            assertThat(window.find(PersonRow.class).all()).isEmpty();
        }
    }

    @Test
    void sending_a_request_with_a_note_from_the_dialog() {
        UserSummary alice = users.create("alice");
        UserSummary bob = users.create("bob");
        try (BrowserlessUIContext window = windowOf(alice)) {
            PeopleView view = window.navigate(PeopleView.class);
            window.test(view.search).setValue(bob.username());

            window.test(button(window, personRow(window, bob), "Add friend")).click();
            Dialog dialog = window.find(Dialog.class).single();
            assertThat(dialog.isOpened()).isTrue();
            assertThat(dialog.getHeaderTitle()).isEqualTo("Add " + bob.displayName() + " as a friend");
            window.test(window.find(TextArea.class).withTestId("request-note").single())
                    .setValue("Hi Bob, it's Alice from the book club");
            window.test(window.find(Button.class).withTestId("request-send").single())
                    .click();

            assertThat(dialog.isOpened()).as("dialog closed after sending").isFalse();
            assertThat(notifications(window)).contains("Request sent to " + bob.displayName() + ".");
            PersonRow row = personRow(window, bob);
            assertThat(textOf(row)).contains("Request sent");
            assertThat(buttonsIn(window, row)).contains("Cancel").doesNotContain("Add friend");
        }
        // Bob really has it, note included.
        assertThat(TestUsers.as(bob, friends::incomingRequests)).singleElement().satisfies(request -> {
            assertThat(request.other().id()).isEqualTo(alice.id());
            assertThat(request.note()).isEqualTo("Hi Bob, it's Alice from the book club");
        });
    }

    @Test
    void cancelling_the_dialog_sends_nothing() {
        UserSummary alice = users.create("alice");
        UserSummary bob = users.create("bob");
        try (BrowserlessUIContext window = windowOf(alice)) {
            PeopleView view = window.navigate(PeopleView.class);
            window.test(view.search).setValue(bob.username());

            window.test(button(window, personRow(window, bob), "Add friend")).click();
            Dialog dialog = window.find(Dialog.class).single();
            window.test(window.find(Button.class)
                            .withText("Cancel")
                            .from(dialog)
                            .single())
                    .click();

            assertThat(dialog.isOpened()).isFalse();
            assertThat(buttonsIn(window, personRow(window, bob))).contains("Add friend");
        }
        assertThat(TestUsers.as(bob, friends::incomingRequests))
                .extracting(PendingRequest::id)
                .isEmpty();
    }

    static PersonRow personRow(BrowserlessUIContext window, UserSummary user) {
        return window.find(PersonRow.class)
                .withTestId("person-" + user.username())
                .single();
    }

    static Button button(BrowserlessUIContext window, PersonRow row, String text) {
        return window.find(Button.class).from(row).withText(text).single();
    }

    static java.util.List<String> buttonsIn(BrowserlessUIContext window, PersonRow row) {
        return window.find(Button.class).from(row).all().stream()
                .filter(Button::isVisible)
                .map(Button::getText)
                .toList();
    }
}
