package org.parley.chat.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.account.service.UserSummary;

/** What the message list gets to render as Markdown: links, and every other character escaped. */
class MessageTextTest {

    @Test
    void an_http_address_becomes_a_link_and_sentence_punctuation_stays_outside_it() {
        assertThat(MessageText.toMarkdown("See https://example.org/a?b=1&c=2."))
                .isEqualTo("See [https\\:\\/\\/example\\.org\\/a\\?b\\=1\\&c\\=2](<https://example.org/a?b=1&c=2>)\\.");
        assertThat(MessageText.toMarkdown("(HTTP://Example.org/x)"))
                .isEqualTo("\\([HTTP\\:\\/\\/Example\\.org\\/x](<HTTP://Example.org/x>)\\)");
    }

    @Test
    void brackets_that_belong_to_an_address_stay_in_it() {
        assertThat(MessageText.toMarkdown("https://en.wikipedia.org/wiki/Java_(language)"))
                .endsWith("(<https://en.wikipedia.org/wiki/Java_(language)>)");
    }

    @Test
    void other_schemes_and_markup_stay_text() {
        assertThat(MessageText.toMarkdown("javascript:alert(1) **b** <i>x</i> [a](http)"))
                .isEqualTo("javascript\\:alert\\(1\\) \\*\\*b\\*\\* \\<i\\>x\\<\\/i\\> \\[a\\]\\(http\\)");
        assertThat(MessageText.toMarkdown("www.example.org mail@example.org")).doesNotContain("](");
        assertThat(MessageText.toMarkdown("https://")).isEqualTo("https\\:\\/\\/");
    }

    @Test
    void lines_stay_lines_and_indentation_starts_no_code_block() {
        assertThat(MessageText.toMarkdown("# one\n\n    two\r\n- three"))
                .isEqualTo("\\# one\\\n\u00A0\\\n\u00A0\u00A0\u00A0\u00A0two\\\n\\- three");
    }

    @Test
    void chinese_right_after_an_address_is_not_part_of_it() {
        assertThat(MessageText.toMarkdown("看这个https://example.org/a，好吗"))
                .isEqualTo("看这个[https\\:\\/\\/example\\.org\\/a](<https://example.org/a>)，好吗");
    }

    @Test
    void a_mention_shows_the_persons_name_now_in_bold_and_nothing_else_becomes_one() {
        UserSummary bob = new UserSummary(7, "bob.k", "Bob *K*", null, false);
        String markdown =
                MessageText.toMarkdown("@BOB.K, see https://x.org/@bob.k and mail@bob.k or @bob.kk", List.of(bob));
        assertThat(markdown).startsWith("**@Bob \\*K\\***\\, see [");
        assertThat(markdown).contains("(<https://x.org/@bob.k>)");
        assertThat(markdown.split("\\*\\*@", -1)).as("one mention").hasSize(2);
        assertThat(MessageText.toMarkdown("  hi @bob.k\n@bob.k", List.of(bob)))
                .isEqualTo("\u00A0\u00A0hi **@Bob \\*K\\***\\\n**@Bob \\*K\\***");
    }

    @Test
    void letters_of_any_script_pass_as_they_are() {
        assertThat(MessageText.toMarkdown("你好，世界！ Grüße")).isEqualTo("你好，世界！ Grüße");
    }
}
