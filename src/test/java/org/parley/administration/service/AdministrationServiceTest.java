package org.parley.administration.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.parley.support.TestUsers.as;
import static org.parley.support.TestUsers.run;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.account.service.UserSummary;
import org.parley.base.service.NotAllowedException;
import org.parley.base.service.SessionsEnded;
import org.parley.base.service.UserEvent;
import org.parley.chat.service.AttachmentService;
import org.parley.groups.service.GroupService;
import org.parley.groups.service.GroupSummary;
import org.parley.support.HeardEvents;
import org.parley.support.Scenarios;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Server administration as its rules say: only administrators (named in the settings, or made by another) act or
 * look, each act is written to the log, a disabled person cannot sign in and all their sign-ins end at once, a reset
 * password is the only one that works, any group can be deleted, storage is counted per person and per group.
 * Every act is tried by forged callers: a signed-in person who is not an administrator, and nobody.
 */
@SpringBootTest
class AdministrationServiceTest {

    @Autowired
    AdministrationService administration;

    @Autowired
    AdministrationLists lists;

    @Autowired
    TestUsers users;

    @Autowired
    Scenarios scenarios;

    @Autowired
    GroupService groups;

    @Autowired
    AttachmentService attachments;

    @Autowired
    UserDetailsService userDetails;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    HeardEvents heard;

    private UserSummary boss;

    @BeforeEach
    void theAdministratorNamedInTheSettings() {
        boss = users.administrator();
    }

    @AfterEach
    void stopListening() {
        heard.close();
    }

    @Test
    void nobody_but_an_administrator_may_act_or_look_and_a_refusal_changes_nothing() {
        Map<String, UserSummary> people = users.createAll("plain", "target", "owner");
        UserSummary plain = people.get("plain");
        UserSummary target = people.get("target");
        GroupSummary group = scenarios.openGroup(people.get("owner"), "Kept " + TestUsers.uniqueName("g"), "");
        List<Callable<?>> acts = List.of(
                () -> {
                    administration.disable(target.id());
                    return null;
                },
                () -> {
                    administration.enable(target.id());
                    return null;
                },
                () -> administration.resetPassword(target.id()),
                () -> {
                    administration.makeAdministrator(target.id());
                    return null;
                },
                () -> {
                    administration.makeAdministrator(plain.id());
                    return null;
                },
                () -> {
                    administration.unmakeAdministrator(boss.id());
                    return null;
                },
                () -> {
                    administration.deleteGroup(group.id());
                    return null;
                },
                () -> lists.people(""),
                () -> lists.groups(""),
                () -> lists.log());
        for (Callable<?> act : acts) {
            assertThatThrownBy(() -> as(plain, act))
                    .as("a signed-in person who is not an administrator")
                    .isInstanceOf(NotAllowedException.class)
                    .hasMessageContaining("Only server administrators");
            assertThatThrownBy(act::call).as("nobody signed in").isNotNull();
        }
        assertThat(as(plain, () -> lists.amAdministrator())).isFalse();
        assertThat(userDetails.loadUserByUsername(target.username()).isEnabled())
                .isTrue();
        assertThat(as(boss, () -> groups.group(group.id())).name()).isEqualTo(group.name());
        assertThat(as(boss, () -> lists.people(target.username())))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.administrator()).isFalse();
                    assertThat(row.disabled()).isFalse();
                });
    }

    @Test
    void a_disabled_person_cannot_sign_in_their_sign_ins_end_and_an_administrator_made_by_another_can_undo_it() {
        Map<String, UserSummary> people = users.createAll("ann", "bob");
        UserSummary ann = people.get("ann");
        UserSummary bob = people.get("bob");
        List<UserEvent> bobHears = heard.listen(bob);

        run(boss, () -> administration.makeAdministrator(ann.id()));
        assertThat(as(ann, () -> lists.amAdministrator())).isTrue();
        run(ann, () -> administration.disable(bob.id()));

        assertThatThrownBy(() -> signIn(bob.username(), TestUsers.PASSWORD)).isInstanceOf(DisabledException.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> bobHears.stream().anyMatch(SessionsEnded.class::isInstance));
        assertThat(as(ann, () -> lists.people(bob.username()))).singleElement().satisfies(row -> {
            assertThat(row.disabled()).isTrue();
            assertThat(row.powers().mayEnable()).isTrue();
            assertThat(row.powers().mayDisable()).isFalse();
            assertThat(row.powers().mayMakeAdministrator()).isFalse();
        });
        assertThatThrownBy(() -> run(ann, () -> administration.makeAdministrator(bob.id())))
                .hasMessageContaining("cannot be an administrator");

        run(ann, () -> administration.enable(bob.id()));
        assertThat(signIn(bob.username(), TestUsers.PASSWORD)).isTrue();
        assertThat(logOf(ann))
                .containsSubsequence(
                        "Ann Tester: enabled the account of " + bob.username(),
                        "Ann Tester: disabled the account of " + bob.username(),
                        "Test Boss: made " + ann.username() + " a server administrator");
    }

    @Test
    void nobody_disables_or_unmakes_themselves_and_the_settings_administrator_stays() {
        UserSummary ann = users.create("ann");
        run(boss, () -> administration.makeAdministrator(ann.id()));
        assertThatThrownBy(() -> run(ann, () -> administration.disable(ann.id())))
                .hasMessageContaining("Not your own account");
        assertThatThrownBy(() -> run(ann, () -> administration.unmakeAdministrator(ann.id())))
                .hasMessageContaining("Not your own account");
        assertThatThrownBy(() -> run(ann, () -> administration.unmakeAdministrator(boss.id())))
                .hasMessageContaining("by the server settings");
        assertThat(as(ann, () -> lists.people("test-boss"))).singleElement().satisfies(row -> {
            assertThat(row.administrator()).isTrue();
            assertThat(row.powers().mayUnmakeAdministrator()).isFalse();
            assertThat(row.powers().mayDisable()).isTrue();
        });
        assertThat(as(ann, () -> lists.people(ann.username()))).singleElement().satisfies(row -> {
            assertThat(row.powers().mayDisable()).isFalse();
            assertThat(row.powers().mayUnmakeAdministrator()).isFalse();
        });

        run(boss, () -> administration.unmakeAdministrator(ann.id()));
        assertThat(as(ann, () -> lists.amAdministrator())).isFalse();
    }

    @Test
    void a_reset_password_is_the_only_one_that_works_and_ends_their_sign_ins() {
        UserSummary bob = users.create("bob");
        List<UserEvent> bobHears = heard.listen(bob);
        String fresh = as(boss, () -> administration.resetPassword(bob.id()));

        assertThat(fresh).hasSize(16);
        assertThatThrownBy(() -> signIn(bob.username(), TestUsers.PASSWORD)).isNotNull();
        assertThat(signIn(bob.username(), fresh)).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> bobHears.stream().anyMatch(SessionsEnded.class::isInstance));
        assertThat(logOf(boss)).first().isEqualTo("Test Boss: reset the password of " + bob.username());
    }

    @Test
    void an_administrator_deletes_a_group_they_are_not_in_and_sees_storage_per_person_and_group() throws Exception {
        Map<String, UserSummary> people = users.createAll("owner", "member");
        UserSummary owner = people.get("owner");
        String name = "Storage " + TestUsers.uniqueName("g");
        GroupSummary group = scenarios.openGroup(owner, name, "", people.get("member"));
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(
                new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png);
        byte[] picture = png.toByteArray();
        run(owner, () -> {
            try {
                attachments.upload(group.conversationId(), "p.png", "image/png", new ByteArrayInputStream(picture));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(as(boss, () -> lists.people(owner.username())))
                .singleElement()
                .satisfies(row -> assertThat(row.storageBytes()).isEqualTo(picture.length));
        assertThat(as(boss, () -> lists.groups(name))).singleElement().satisfies(row -> {
            assertThat(row.storageBytes()).isEqualTo(picture.length);
            assertThat(row.memberCount()).isEqualTo(2);
        });

        run(boss, () -> administration.deleteGroup(group.id()));
        assertThat(as(boss, () -> lists.groups(name))).isEmpty();
        assertThat(as(owner, () -> groups.myGroups())).noneMatch(mine -> mine.id() == group.id());
        assertThat(logOf(boss)).first().isEqualTo("Test Boss: deleted the group " + name);
    }

    /** The log as English lines, newest first. */
    private List<String> logOf(UserSummary administrator) {
        return as(administrator, () -> lists.log()).stream()
                .map(line -> line.administrator() + ": " + line.act().inEnglish())
                .toList();
    }

    /** Signs in as the login form does (password checked, then the account's state); true if it let them in. */
    private boolean signIn(String username, String password) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(userDetails);
        provider.setPasswordEncoder(passwordEncoder);
        AuthenticationManager manager = new ProviderManager(provider);
        return manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password))
                .isAuthenticated();
    }
}
