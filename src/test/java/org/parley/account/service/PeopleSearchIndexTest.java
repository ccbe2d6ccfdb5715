package org.parley.account.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.support.TestUsers.as;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.account.domain.UserAccountRepository;
import org.parley.base.service.TextRules;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * People search through the gram index answers exactly what walking the name index answers (the same people, in
 * the same order, page by page), follows renames, never finds the searcher, and the backfill indexes people
 * registered before the index existed.
 */
@SpringBootTest
class PeopleSearchIndexTest {

    @Autowired
    AccountService accounts;

    @Autowired
    PeopleSearchIndex index;

    @Autowired
    UserAccountRepository accountRows;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void the_gram_index_finds_what_walking_the_names_finds_page_by_page() {
        String token = "Qv" + UUID.randomUUID().toString().substring(0, 6);
        UserSummary searcher = users.create("seeker");
        List<UserSummary> people = new ArrayList<>();
        for (String name : List.of("Ada", "Björn", "Chiara", "Dmitri", "Elif")) {
            UserSummary person = users.create("gram");
            people.add(as(person, () -> accounts.changeDisplayName(name + " " + token + " Ørsted")));
        }
        String someone = people.get(2).username();

        for (String query : List.of(
                token,
                token.substring(1, 5).toUpperCase(Locale.ROOT),
                "chiara " + token.toLowerCase(Locale.ROOT),
                someone,
                someone.toUpperCase(Locale.ROOT),
                "zq" + token + "x")) {
            String key = TextRules.searchKey(query);
            String after = "";
            do {
                List<Long> walked =
                        accountRows.searchIds(TextRules.containsPattern(query), after, searcher.id(), Limit.of(2));
                List<Long> fromGrams = index.search(key, after, searcher.id(), 2);
                assertThat(fromGrams)
                        .as("a page of two after \"%s\" for \"%s\"", after, query)
                        .isNotNull()
                        .isEqualTo(walked);
                after = walked.isEmpty()
                        ? null
                        : accountRows.findById(walked.getLast()).orElseThrow().getUsernameKey();
            } while (after != null);
        }
        assertThat(as(searcher, () -> accounts.searchOthers(token, null, 50)))
                .extracting(UserSummary::id)
                .containsExactlyInAnyOrderElementsOf(
                        people.stream().map(UserSummary::id).toList());
        assertThat(as(searcher, () -> accounts.searchOthers(someone.toUpperCase(Locale.ROOT), null, 50)))
                .extracting(UserSummary::id)
                .containsExactly(people.get(2).id());
        assertThat(as(searcher, () -> accounts.searchOthers("zq" + token + "x", null, 50)))
                .isEmpty();
        assertThat(index.search("ab", "", searcher.id(), 10))
                .as("shorter than a gram: the name index answers")
                .isNull();
    }

    @Test
    void a_new_display_name_is_found_and_the_old_one_no_longer_and_nobody_finds_themselves() {
        String before = "Wx" + UUID.randomUUID().toString().substring(0, 6);
        String after = "Yk" + UUID.randomUUID().toString().substring(0, 6);
        UserSummary ann = users.create("rename");
        UserSummary bob = users.create("seeker");
        as(ann, () -> accounts.changeDisplayName("Ann " + before));
        assertThat(as(bob, () -> accounts.searchOthers(before, null, 10)))
                .extracting(UserSummary::id)
                .containsExactly(ann.id());

        as(ann, () -> accounts.changeDisplayName("Ann " + after));

        assertThat(as(bob, () -> accounts.searchOthers(before, null, 10))).isEmpty();
        assertThat(as(bob, () -> accounts.searchOthers(after, null, 10)))
                .extracting(UserSummary::id)
                .containsExactly(ann.id());
        assertThat(as(ann, () -> accounts.searchOthers(after, null, 10)))
                .as("not oneself")
                .isEmpty();
        assertThat(as(ann, () -> accounts.searchOthers(ann.username(), null, 10)))
                .isEmpty();
    }

    @Test
    void people_from_before_the_index_get_their_grams_from_the_backfill() {
        UserSummary old = users.create("veteran");
        UserSummary bob = users.create("seeker");
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            // As if she had registered before the index existed.
            jdbc.update("delete from person_gram where user_id = ?", old.id());
            jdbc.update("update person_gram_backfill set done_below = ? where id = 1", old.id() + 1);
        });

        while (index.indexNextBatch()) {
            // all of it
        }

        assertThat(jdbc.queryForObject("select done_below from person_gram_backfill", Long.class))
                .isLessThanOrEqualTo(1);
        assertThat(as(bob, () -> accounts.searchOthers(old.username(), null, 10)))
                .extracting(UserSummary::id)
                .containsExactly(old.id());
    }
}
