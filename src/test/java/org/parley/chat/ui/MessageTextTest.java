package org.parley.chat.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
    void letters_of_any_script_pass_as_they_are() {
        assertThat(MessageText.toMarkdown("你好，世界！ Grüße")).isEqualTo("你好，世界！ Grüße");
    }
}
