package org.parley.friends.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.parley.account.service.UserSummary;

class FriendsOrderTest {

    private static UserSummary named(String name) {
        return new UserSummary(name.hashCode(), "u" + Math.abs(name.hashCode()), name, null, false);
    }

    @Test
    void friends_are_in_the_readers_alphabetical_order_chinese_names_by_pinyin() {
        List<UserSummary> people = List.of(named("张伟"), named("bob"), named("李娜"), named("Ann"), named("安琪"));

        assertThat(FriendsView.byName(people, Locale.SIMPLIFIED_CHINESE))
                .extracting(UserSummary::displayName)
                .containsSubsequence("安琪", "李娜", "张伟");
        assertThat(FriendsView.byName(people, Locale.ENGLISH))
                .extracting(UserSummary::displayName)
                .containsSubsequence("Ann", "bob");
    }
}
