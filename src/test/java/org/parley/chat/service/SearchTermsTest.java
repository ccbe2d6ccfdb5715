package org.parley.chat.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How message search reads a text: words folded, Chinese as characters and pairs, and where each word found stands. */
class SearchTermsTest {

    @Test
    void case_accents_and_compatibility_forms_do_not_count() {
        assertThat(SearchTerms.ofText("Grüße, STRASSE ﬁne Ⅻ"))
                .containsExactly("w:grusse", "w:strasse", "w:fine", "w:xii");
        assertThat(SearchTerms.ofQuery("grusse")).isEqualTo(SearchTerms.ofText("GRÜSSE"));
        // "e" and a combining acute accent written as two characters: one word, as if it were "é".
        assertThat(SearchTerms.ofText("cafe\u0301 crème")).containsExactly("w:cafe", "w:creme");
    }

    @Test
    void chinese_is_read_as_characters_and_their_pairs_and_asked_for_as_pairs() {
        assertThat(SearchTerms.ofText("吃午饭")).containsExactlyInAnyOrder("吃", "午", "饭", "吃午", "午饭");
        assertThat(SearchTerms.ofQuery("吃午饭")).containsExactlyInAnyOrder("吃午", "午饭");
        assertThat(SearchTerms.ofQuery("饭")).containsExactly("饭");
        assertThat(SearchTerms.contains("我们明天一起吃午饭吧", SearchTerms.ofQuery("午饭")))
                .isTrue();
        assertThat(SearchTerms.contains("我们明天一起吃午饭吧", SearchTerms.ofQuery("饭午")))
                .isFalse();
    }

    @Test
    void the_words_found_are_placed_where_the_text_writes_them() {
        String text = "Die Straße, dann 吃午饭吧 und die STRASSE";
        assertThat(marked(text, "strasse")).containsExactly("Straße", "STRASSE");
        assertThat(marked(text, "吃午饭")).as("overlapping pairs joined").containsExactly("吃午饭");
        assertThat(marked(text, "dann 饭")).containsExactly("dann", "饭");
        assertThat(marked("cafe\u0301!", "café")).containsExactly("cafe\u0301");
        assertThat(marked("😀 Zebra 😀", "zebra")).containsExactly("Zebra");
        assertThat(marked(text, "zebra")).isEmpty();
    }

    private static List<String> marked(String text, String query) {
        Set<String> wanted = SearchTerms.ofQuery(query);
        return SearchTerms.found(text, wanted).stream()
                .map(found -> text.substring(found.start(), found.end()))
                .toList();
    }
}
