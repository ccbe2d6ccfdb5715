package org.parley.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserAvatarsTest {

    @Test
    void initials_are_the_first_letters_of_two_words_or_a_chinese_given_name() {
        assertThat(UserAvatars.initials("Ann Lee")).isEqualTo("AL");
        assertThat(UserAvatars.initials("  Ann  Marie Lee ")).isEqualTo("AM");
        assertThat(UserAvatars.initials("Cher")).isEqualTo("C");
        assertThat(UserAvatars.initials("李小龙")).isEqualTo("小龙");
        assertThat(UserAvatars.initials("张伟")).isEqualTo("张伟");
        assertThat(UserAvatars.initials("欧阳娜娜")).isEqualTo("娜娜");
        assertThat(UserAvatars.initials("Zhang 伟")).isEqualTo("Z伟");
    }
}
