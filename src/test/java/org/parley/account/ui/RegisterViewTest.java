package org.parley.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessUIContext;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.parley.account.service.AccountService;
import org.parley.account.service.UserSummary;
import org.parley.support.BrowserlessUiTest;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/** Registration as a visitor sees it: the form, its error line, and where it takes you. */
class RegisterViewTest extends BrowserlessUiTest {

    @Autowired
    AccountService accounts;

    @Test
    void filling_the_form_creates_the_account_and_goes_to_sign_in() {
        String username = TestUsers.uniqueName("newcomer");
        try (BrowserlessUIContext visitor = anonymousWindow()) {
            RegisterView view = visitor.navigate(RegisterView.class);

            fill(visitor, view, username, "Ann Newcomer", "long enough secret", "long enough secret");
            visitor.test(view.create).click();

            assertThat(view.error.isVisible()).as("error line shown").isFalse();
            assertThat(visitor.getExternalNavigationURL()).isEqualTo("login?registered");
        }
        assertThat(findByName(username)).singleElement().satisfies(user -> {
            assertThat(user.username()).isEqualTo(username);
            assertThat(user.displayName()).isEqualTo("Ann Newcomer");
        });
    }

    @Test
    void a_taken_user_name_in_any_case_shows_the_error_and_creates_nothing() {
        UserSummary existing = users.create("taken");
        String sameNameOtherCase = existing.username().toUpperCase(Locale.ROOT);
        try (BrowserlessUIContext visitor = anonymousWindow()) {
            RegisterView view = visitor.navigate(RegisterView.class);

            fill(visitor, view, sameNameOtherCase, "Impostor", "long enough secret", "long enough secret");
            visitor.test(view.create).click();

            assertThat(view.error.isVisible()).isTrue();
            assertThat(view.error.getText()).isEqualTo("That user name is taken. Please choose another.");
            assertThat(visitor.getExternalNavigationURL()).isNull();
        }
        assertThat(findByName(existing.username())).extracting(UserSummary::id).containsExactly(existing.id());
    }

    @Test
    void different_passwords_show_the_error_and_create_nothing() {
        String username = TestUsers.uniqueName("typo");
        try (BrowserlessUIContext visitor = anonymousWindow()) {
            RegisterView view = visitor.navigate(RegisterView.class);

            fill(visitor, view, username, "Typo Tester", "long enough secret", "long enough secreT");
            visitor.test(view.create).click();

            assertThat(view.error.isVisible()).isTrue();
            assertThat(view.error.getText()).isEqualTo("The two passwords differ.");
            assertThat(visitor.getExternalNavigationURL()).isNull();
        }
        assertThat(findByName(username)).isEmpty();
    }

    @Test
    void a_short_password_shows_the_error_and_creates_nothing() {
        String username = TestUsers.uniqueName("short");
        try (BrowserlessUIContext visitor = anonymousWindow()) {
            RegisterView view = visitor.navigate(RegisterView.class);

            fill(visitor, view, username, "Short Tester", "1234567", "1234567");
            visitor.test(view.create).click();

            assertThat(view.error.isVisible()).isTrue();
            assertThat(view.error.getText()).isEqualTo("A password has at least 8 characters.");
            assertThat(visitor.getExternalNavigationURL()).isNull();
        }
        assertThat(findByName(username)).isEmpty();
    }

    @Test
    void after_an_error_the_corrected_form_creates_the_account() {
        String username = TestUsers.uniqueName("second-try");
        try (BrowserlessUIContext visitor = anonymousWindow()) {
            RegisterView view = visitor.navigate(RegisterView.class);
            fill(visitor, view, username, "Second Try", "long enough secret", "something else");
            visitor.test(view.create).click();
            assertThat(view.error.isVisible()).isTrue();

            visitor.test(view.confirm).setValue("long enough secret");
            visitor.test(view.create).click();

            assertThat(visitor.getExternalNavigationURL()).isEqualTo("login?registered");
        }
        assertThat(findByName(username)).hasSize(1);
    }

    private static void fill(
            BrowserlessUIContext window,
            RegisterView view,
            String username,
            String displayName,
            String password,
            String confirm) {
        window.test(view.username).setValue(username);
        window.test(view.displayName).setValue(displayName);
        window.test(view.password).setValue(password);
        window.test(view.confirm).setValue(confirm);
    }

    /** Accounts whose user name matches exactly (ignoring case), as another signed-in user finds them. */
    private List<UserSummary> findByName(String username) {
        UserSummary observer = users.create("observer");
        return TestUsers.as(observer, () -> accounts.searchOthers(username, null, 10)).stream()
                .filter(user -> user.username().equalsIgnoreCase(username))
                .toList();
    }
}
