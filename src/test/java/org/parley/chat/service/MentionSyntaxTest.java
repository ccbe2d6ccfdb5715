package org.parley.chat.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.account.service.UserSummary;

/** Where a text names someone: "@" and a whole user name, never inside a word, an e-mail or a web address. */
class MentionSyntaxTest {

    private static final UserSummary ANN = new UserSummary(1, "ann", "Ann Lee", "/a/1", false);
    private static final UserSummary ZHANG = new UserSummary(2, "zhang.wei", "张伟", "/a/2", false);

    @Test
    void a_whole_user_name_after_at_names_the_person_in_any_case() {
        assertThat(MentionSyntax.userNamesIn("hi @Ann and @zhang.wei, and @ann again", 20))
                .containsExactly("ann", "zhang.wei");
        assertThat(MentionSyntax.in("(@ANN) @zhang.wei!", List.of(ANN, ZHANG)))
                .extracting(MentionSyntax.Found::start, MentionSyntax.Found::end, MentionSyntax.Found::person)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, 5, ANN),
                        org.assertj.core.groups.Tuple.tuple(7, 17, ZHANG));
    }

    @Test
    void a_chinese_user_name_is_named_right_after_chinese_text_up_to_the_space_the_picker_puts_after_it() {
        UserSummary wang = new UserSummary(3, "王芳", "王芳", "/a/3", false);
        assertThat(MentionSyntax.userNamesIn("你好@王芳 明天见", 20)).containsExactly("王芳");
        assertThat(MentionSyntax.in("你好@王芳 明天见", List.of(wang)))
                .extracting(MentionSyntax.Found::start, MentionSyntax.Found::end)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 5));
        assertThat(MentionSyntax.in("你好@王芳明天见", List.of(wang)))
                .as("without the space the name runs on: nobody is named")
                .isEmpty();
    }

    @Test
    void addresses_longer_names_and_people_not_mentioned_are_plain_text() {
        assertThat(MentionSyntax.userNamesIn("mail ann@example.org or see example.org/@ann", 20))
                .isEmpty();
        assertThat(MentionSyntax.in("@annabel @ann_x @zhang", List.of(ANN, ZHANG)))
                .isEmpty();
        assertThat(MentionSyntax.in("@ann", List.of(ZHANG)))
                .as("only the people the message names")
                .isEmpty();
        assertThat(MentionSyntax.userNamesIn("@" + "a".repeat(33), 20))
                .as("longer than any user name")
                .isEmpty();
        assertThat(MentionSyntax.userNamesIn("@aaa @bbb @ccc", 2)).containsExactly("aaa", "bbb");
    }

    @Test
    void a_preview_shows_display_names_where_the_text_has_user_names() {
        assertThat(MentionSyntax.withDisplayNames("@ann, ask @zhang.wei", List.of(ANN, ZHANG)))
                .isEqualTo("@Ann Lee, ask @张伟");
        assertThat(MessagePreview.of("@ann  look\nhere", ChatMessageView.State.EDITED, null, List.of(ANN))
                        .inEnglish())
                .isEqualTo("@Ann Lee look here");
        assertThat(MessagePreview.of("secret", ChatMessageView.State.RECALLED, null, List.of())
                        .inEnglish())
                .isEqualTo("Message recalled");
    }
}
