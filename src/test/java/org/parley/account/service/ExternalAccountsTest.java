package org.parley.account.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.account.domain.UserAccountRepository;
import org.parley.account.service.internal.AccountDirectory;
import org.parley.base.service.SignedInUser;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * People from the company's identity provider or directory: an account on the first sign-in, the same one after,
 * linked by the provider's subject and never by a name, so a provider's "alice" cannot take over the "alice" who
 * registered here.
 */
@SpringBootTest
class ExternalAccountsTest {

    private static final String ACME = "https://id.acme.test";

    @Autowired
    ExternalAccounts external;

    @Autowired
    TestUsers users;

    @Autowired
    AccountDirectory directory;

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Test
    void the_first_sign_in_makes_an_account_from_the_claims_and_the_next_finds_it() {
        String name = TestUsers.uniqueName("dana");
        ExternalSignIn dana = new ExternalSignIn(ACME, subject(), name, "Dana Scully", "Dana@Acme.test");

        SignedInUser first = external.signIn(dana);
        SignedInUser again = external.signIn(dana);

        assertThat(again.userId()).isEqualTo(first.userId());
        assertThat(first.getUsername()).isEqualTo(name);
        assertThat(first.isEnabled()).isTrue();
        var account = accounts.findById(first.userId()).orElseThrow();
        assertThat(account.getDisplayName()).isEqualTo("Dana Scully");
        assertThat(account.getEmail()).isEqualTo("dana@acme.test");
        // Nobody knows the password made for her: a guess, or an empty one, opens nothing.
        assertThat(passwordEncoder.matches("", account.getPasswordHash())).isFalse();
        assertThat(passwordEncoder.matches(name, account.getPasswordHash())).isFalse();
    }

    @Test
    void a_providers_name_that_is_already_taken_here_gets_its_own_account_never_the_existing_one() {
        UserSummary alice = users.create("alice");
        ExternalSignIn impostor = new ExternalSignIn(ACME, subject(), alice.username(), "Alice", null);

        SignedInUser signedIn = external.signIn(impostor);

        assertThat(signedIn.userId()).isNotEqualTo(alice.id());
        assertThat(signedIn.getUsername()).isEqualTo(alice.username() + "2");
        // And the other way round: the same name from another provider is yet another person.
        SignedInUser elsewhere = external.signIn(
                new ExternalSignIn("ldap://directory.acme.test", subject(), alice.username(), null, null));
        assertThat(elsewhere.userId()).isNotIn(alice.id(), signedIn.userId());
    }

    @Test
    void the_same_subject_at_another_issuer_is_another_person() {
        String subject = subject();
        SignedInUser one = external.signIn(new ExternalSignIn(ACME, subject, TestUsers.uniqueName("sam"), null, null));
        SignedInUser two = external.signIn(
                new ExternalSignIn("https://id.other.test", subject, TestUsers.uniqueName("sam"), null, null));
        assertThat(two.userId()).isNotEqualTo(one.userId());
    }

    @Test
    void a_user_name_is_made_from_the_address_or_the_name_when_the_provider_gives_none_that_fits() {
        String local = TestUsers.uniqueName("kim");
        SignedInUser fromAddress =
                external.signIn(new ExternalSignIn(ACME, subject(), "k", "Kim", local + "@acme.test"));
        assertThat(fromAddress.getUsername()).isEqualTo(local);
        assertThat(directory
                        .summaries(List.of(fromAddress.userId()))
                        .get(fromAddress.userId())
                        .displayName())
                .isEqualTo("Kim");

        SignedInUser fromName = external.signIn(new ExternalSignIn(ACME, subject(), null, "王芳", null));
        assertThat(fromName.getUsername()).startsWith("王芳");
        assertThat(directory
                        .summaries(List.of(fromName.userId()))
                        .get(fromName.userId())
                        .displayName())
                .isEqualTo("王芳");

        SignedInUser fromNothing = external.signIn(new ExternalSignIn(ACME, subject(), null, "\u202Eevil", null));
        assertThat(fromNothing.getUsername())
                .as("a name with a direction override")
                .startsWith("evil");
        assertThat(directory
                        .summaries(List.of(fromNothing.userId()))
                        .get(fromNothing.userId())
                        .displayName())
                .as("its display name is the user name, not the hostile text")
                .isEqualTo(fromNothing.getUsername());
    }

    @Test
    void a_disabled_account_comes_back_disabled_for_the_sign_in_to_refuse() {
        ExternalSignIn tom = new ExternalSignIn(ACME, subject(), TestUsers.uniqueName("tom"), "Tom", null);
        SignedInUser first = external.signIn(tom);
        var account = accounts.findById(first.userId()).orElseThrow();
        account.setDisabled(true);
        accounts.saveAndFlush(account);

        assertThat(external.signIn(tom).isEnabled()).isFalse();
    }

    @Test
    void an_identity_without_issuer_or_subject_signs_nobody_in() {
        assertThatThrownBy(() -> external.signIn(new ExternalSignIn(ACME, " ", "x", null, null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> external.signIn(new ExternalSignIn(null, subject(), "x", null, null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String subject() {
        return UUID.randomUUID().toString();
    }
}
