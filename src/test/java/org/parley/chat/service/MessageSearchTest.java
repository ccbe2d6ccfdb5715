package org.parley.chat.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.support.TestUsers.as;
import static org.parley.support.TestUsers.run;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.account.service.UserSummary;
import org.parley.base.service.InvalidInputException;
import org.parley.base.service.NotAllowedException;
import org.parley.groups.service.GroupModeration;
import org.parley.groups.service.GroupService;
import org.parley.groups.service.GroupSummary;
import org.parley.support.Scenarios;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Message search: words of Latin scripts (case and accents do not count) and Chinese without spaces; every word must
 * be there; only conversations the searcher is in now (forged callers: outsiders, a member who left, another pair);
 * recalled text is not found, edited text is found as it reads now; messages from before the index are indexed by
 * the backfill.
 */
@SpringBootTest
class MessageSearchTest {

    @Autowired
    MessageSearch search;

    @Autowired
    ChatService chat;

    @Autowired
    MessageChanges changes;

    @Autowired
    GroupService groups;

    @Autowired
    GroupModeration moderation;

    @Autowired
    MessageSearchBackfill backfill;

    @Autowired
    TestUsers users;

    @Autowired
    Scenarios scenarios;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @AfterEach
    void cleanUp() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void words_and_chinese_are_found_in_the_searchers_conversations_newest_first() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        UserSummary cat = users.create("cat");
        long annAndBob = scenarios.friendsWithConversation(ann, bob);
        long annAndCat = scenarios.friendsWithConversation(ann, cat);
        String word = TestUsers.uniqueName("Zebra").replace("-", "");
        long first = as(ann, () -> chat.send(annAndBob, "The " + word + " crossed the Straße"))
                .id();
        as(bob, () -> chat.send(annAndBob, "No zebras here"));
        long second = as(cat, () -> chat.send(annAndCat, "Another " + word.toUpperCase() + " crossing"))
                .id();
        long chinese = as(bob, () -> chat.send(annAndBob, "我们明天一起吃午饭吧" + word)).id();

        assertThat(ids(ann, word, null)).containsExactly(chinese, second, first);
        assertThat(ids(ann, word, annAndBob)).containsExactly(chinese, first);
        assertThat(ids(ann, word + " strasse", null))
                .as("every word, accents folded")
                .containsExactly(first);
        assertThat(ids(ann, "午饭 " + word, null)).containsExactly(chinese);
        assertThat(ids(ann, "吃午饭" + word, null)).containsExactly(chinese);
        assertThat(ids(ann, "饭午 " + word, null))
                .as("characters in another order")
                .isEmpty();
        assertThat(ids(ann, word, null).size()).isEqualTo(3);
        assertThat(search(ann, word, null, second, 10))
                .as("the page after the second hit")
                .extracting(hit -> hit.message().id())
                .containsExactly(first);
        assertThat(marked(ann, word + " strasse"))
                .as("the words as the message writes them")
                .containsExactly(word, "Straße");
        assertThat(marked(ann, "吃午饭 " + word)).containsExactly("吃午饭", word);
        assertThat(ids(bob, word, null))
                .as("Bob is not in Ann and Cat's conversation")
                .containsExactly(chinese, first);
        assertThatThrownBy(() -> as(ann, () -> search.search("  ", null, null, 10)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> as(ann, () -> search.search("!!!", null, null, 10)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Type a word to search for.");
    }

    @Test
    void only_messages_the_searcher_may_read_now_are_ever_found() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        UserSummary eve = users.create("eve");
        UserSummary max = users.create("max");
        long annAndBob = scenarios.friendsWithConversation(ann, bob);
        GroupSummary group = scenarios.openGroup(ann, "Search " + TestUsers.uniqueName("g"), "", eve, max);
        String secret = TestUsers.uniqueName("Secret").replace("-", "");
        as(ann, () -> chat.send(annAndBob, "The " + secret + " is under the mat"));
        as(ann, () -> chat.send(group.conversationId(), "Group " + secret));

        assertThat(ids(eve, secret, null)).as("another pair's conversation").hasSize(1);
        assertThatThrownBy(() -> as(eve, () -> search.search(secret, annAndBob, null, 10)))
                .isInstanceOf(NotAllowedException.class)
                .hasMessage("Conversation not found.");
        run(eve, () -> groups.leave(group.id()));
        assertThat(ids(eve, secret, null)).as("a member who left").isEmpty();
        run(ann, () -> moderation.removeMember(group.id(), max.id(), "bye"));
        assertThat(ids(max, secret, null)).as("a member who was removed").isEmpty();
        assertThatThrownBy(() -> as(max, () -> search.search(secret, group.conversationId(), null, 10)))
                .isInstanceOf(NotAllowedException.class);
        assertThat(ids(bob, secret, null)).hasSize(1);
    }

    @Test
    void recalled_text_is_not_found_and_edited_text_is_found_as_it_reads_now() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        long conversation = scenarios.friendsWithConversation(ann, bob);
        String oops = TestUsers.uniqueName("Oops").replace("-", "");
        String before = TestUsers.uniqueName("Before").replace("-", "");
        String after = TestUsers.uniqueName("After").replace("-", "");
        long recalled =
                as(ann, () -> chat.send(conversation, "Password " + oops)).id();
        long edited =
                as(ann, () -> chat.send(conversation, "Meet at " + before)).id();

        as(ann, () -> changes.recall(recalled));
        as(ann, () -> changes.edit(edited, "Meet at " + after));

        assertThat(ids(bob, oops, null)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from message_term where message_id = ?", Long.class, recalled))
                .isZero();
        assertThat(ids(bob, before, null)).isEmpty();
        assertThat(ids(bob, after, null)).containsExactly(edited);
    }

    @Test
    void messages_from_before_the_index_are_found_once_the_backfill_has_run() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        long conversation = scenarios.friendsWithConversation(ann, bob);
        String old = TestUsers.uniqueName("Old").replace("-", "");
        long message =
                as(ann, () -> chat.send(conversation, "An " + old + " message")).id();
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            // As if it had been stored before search existed.
            jdbc.update("delete from message_term where message_id = ?", message);
            jdbc.update("update message_search_backfill set done_below = ? where id = 1", message + 1);
        });
        assertThat(ids(bob, old, null)).isEmpty();

        while (backfill.indexNextBatch()) {
            // all of it
        }

        assertThat(ids(bob, old, null)).containsExactly(message);
        assertThat(jdbc.queryForObject("select done_below from message_search_backfill", Long.class))
                .as("nothing left below it")
                .isLessThanOrEqualTo(1);
    }

    private List<Long> ids(UserSummary searcher, String query, Long conversationId) {
        return search(searcher, query, conversationId, null, 50).stream()
                .map(hit -> hit.message().id())
                .toList();
    }

    /** The parts of the newest hit's text that search says it found. */
    private List<String> marked(UserSummary searcher, String query) {
        MessageHit hit = search(searcher, query, null, null, 1).getFirst();
        return hit.found().stream()
                .map(found -> hit.message().body().substring(found.start(), found.end()))
                .toList();
    }

    private List<MessageHit> search(UserSummary searcher, String query, Long conversationId, Long before, int limit) {
        return as(searcher, () -> search.search(query, conversationId, before, limit));
    }
}
