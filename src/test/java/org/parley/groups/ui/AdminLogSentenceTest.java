package org.parley.groups.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.parley.account.service.UserSummary;
import org.parley.base.service.Phrase;
import org.parley.groups.domain.GroupAdminLogEntry.Action;
import org.parley.groups.service.AdminLogView;

/** The group log reads as sentences, with a mute's length as people say it. */
class AdminLogSentenceTest {

    private static final UserSummary OLGA = new UserSummary(1, "olga", "Olga", null, false);
    private static final UserSummary MAX = new UserSummary(2, "max", "Max", null, false);

    private static String line(Action action, String reason, Duration lasting) {
        return AdminLogSentence.of(new AdminLogView(1, OLGA, MAX, action, reason, lasting, Instant.EPOCH))
                .inEnglish();
    }

    @Test
    void acts_on_a_member_read_as_sentences() {
        assertThat(line(Action.APPOINT, null, null)).isEqualTo("Olga made Max an administrator");
        assertThat(line(Action.APPROVE, null, null)).isEqualTo("Olga let Max join");
        assertThat(line(Action.HAND_OVER, null, null)).isEqualTo("Olga handed the group over to Max");
        assertThat(line(Action.REMOVE_MESSAGE, null, null)).isEqualTo("Olga removed a message from Max");
        assertThat(line(Action.BAN, "spam", null)).isEqualTo("Olga banned Max: spam");
    }

    @Test
    void a_deleted_account_is_named_in_the_readers_language() {
        UserSummary gone = new UserSummary(3, "~deleted-3", "Deleted user", null, true);
        Phrase sentence = AdminLogSentence.of(new AdminLogView(1, OLGA, gone, Action.BAN, null, null, Instant.EPOCH));
        assertThat(sentence.inEnglish()).isEqualTo("Olga banned Deleted user");
        assertThat(Phrase.in(
                        Locale.SIMPLIFIED_CHINESE,
                        sentence.key(),
                        sentence.args().toArray()))
                .contains("已删除的用户")
                .doesNotContain("Deleted user");
    }

    @Test
    void a_mute_says_how_long_it_was_given_for() {
        assertThat(line(Action.MUTE, "Off topic", Duration.ofMinutes(10)))
                .isEqualTo("Olga muted Max for 10 minutes: Off topic");
        assertThat(line(Action.MUTE, null, Duration.ofHours(1))).isEqualTo("Olga muted Max for 1 hour");
        assertThat(line(Action.MUTE, null, Duration.ofDays(7))).isEqualTo("Olga muted Max for 7 days");
        assertThat(line(Action.MUTE, null, Duration.ofMinutes(90))).isEqualTo("Olga muted Max for 90 minutes");
        assertThat(line(Action.MUTE, null, ChronoUnit.FOREVER.getDuration())).isEqualTo("Olga muted Max until unmuted");
        assertThat(line(Action.MUTE, null, null))
                .as("logged before lengths were kept")
                .isEqualTo("Olga muted Max");
    }

    @Test
    void acts_on_the_whole_group_name_no_one_else() {
        AdminLogView muteAll = new AdminLogView(1, OLGA, null, Action.MUTE_ALL, null, null, Instant.EPOCH);
        assertThat(AdminLogSentence.of(muteAll).inEnglish())
                .isEqualTo("Olga muted the group: only administrators can write");
    }
}
