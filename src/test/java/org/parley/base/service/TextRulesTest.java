package org.parley.base.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Names others see cannot hide characters that make them pass for another name. */
class TextRulesTest {

    @Test
    void names_in_any_script_with_emoji_are_accepted() {
        for (String name :
                new String[] {"Ann Lee", "张伟", "Zoë O'Neil", "محمد", "Team 👨‍👩‍👧 family", "Flag 🏳️‍🌈"}) {
            assertThat(TextRules.requireName("  " + name + " ", "Display name", 64))
                    .as(name)
                    .isEqualTo(name);
        }
    }

    @Test
    void direction_overrides_zero_width_and_blank_letters_are_refused() {
        String[] disguises = {
            "\u202Enwo\u202C Owner", // right-to-left override: shows "Owner" reversed text
            "Ow\u2066ner\u2069", // isolate
            "Ad\u200Bmin", // zero-width space
            "Ad\u200Dmin", // zero-width joiner between letters
            "Admin\u200E", // left-to-right mark
            "\uFEFFAdmin", // zero-width no-break space
            "Ad\u00ADmin", // soft hyphen
            "\u3164", // Hangul filler: a name that draws nothing
            "\u2800"
        };
        for (String name : disguises) {
            assertThatThrownBy(() -> TextRules.requireName(name, "Display name", 64))
                    .as(name)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("Display name contains an invisible character (U+");
        }
    }

    @Test
    void names_are_one_line() {
        assertThatThrownBy(() -> TextRules.requireName("Ann\nOwner", "Display name", 64))
                .hasMessage("Display name must be on one line.");
    }
}
