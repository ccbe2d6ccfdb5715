package org.parley.chat.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.parley.base.service.CurrentUser;
import org.parley.base.service.InvalidInputException;
import org.parley.base.service.Phrase;
import org.parley.base.service.TermIndexes;
import org.parley.base.service.TextRules;
import org.parley.chat.domain.ChatMessage;
import org.parley.chat.domain.ChatMessageRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the caller's messages by their words (see {@link SearchTerms}): only in conversations the caller is a member
 * of now, so a member who left or was removed finds nothing there any more, and nobody finds other people's
 * conversations. The index ({@link MessageSearchIndex}) names candidates, newest first, through its rarest term; each
 * candidate's text is checked for every term, and the same reading tells where the words are in it.
 */
@Service
@PreAuthorize("isAuthenticated()")
@Transactional(readOnly = true)
public class MessageSearch {

    public static final int MAX_QUERY_LENGTH = 200;
    public static final int MAX_RESULTS = 50;
    /** Candidates fetched at a time, and the most looked at for one page of results. */
    private static final int ROUND = 200;

    private static final int MOST_CANDIDATES = 5_000;
    /** Counting a term's postings stops here: beyond it, a term is simply common. */
    private static final int COUNT_CAP = 10_000;

    private final JdbcTemplate jdbc;
    private final ChatMessageRepository messages;
    private final MessageViews views;
    private final ConversationMembership membership;
    private final CurrentUser currentUser;

    MessageSearch(
            JdbcTemplate jdbc,
            ChatMessageRepository messages,
            MessageViews views,
            ConversationMembership membership,
            CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.views = views;
        this.membership = membership;
        this.currentUser = currentUser;
    }

    /**
     * The caller's messages holding every word of {@code query}, newest first, older than {@code beforeMessageId}
     * (null: from the newest): in one conversation of theirs ({@code conversationId}), or in all (null).
     */
    public List<MessageHit> search(String query, Long conversationId, Long beforeMessageId, int limit) {
        long me = currentUser.requireId();
        Set<String> terms = SearchTerms.ofQuery(TextRules.requireText(query, "A search", MAX_QUERY_LENGTH));
        if (terms.isEmpty()) {
            throw new InvalidInputException(Phrase.of("chat.refusal.type-a-word-to-search-for"));
        }
        if (conversationId != null) {
            membership.requireReader(conversationId, me);
        }
        int wanted = Math.clamp(limit, 1, MAX_RESULTS);
        List<Long> rarest = rarestTwo(terms);
        List<ChatMessage> found = new ArrayList<>();
        long before = beforeMessageId == null ? Long.MAX_VALUE : beforeMessageId;
        for (int looked = 0; found.size() < wanted && looked < MOST_CANDIDATES; looked += ROUND) {
            List<Long> candidates = candidates(rarest, me, conversationId, before);
            if (candidates.isEmpty()) {
                break;
            }
            Map<Long, ChatMessage> loaded = messages.findByIdIn(candidates).stream()
                    .collect(Collectors.toMap(ChatMessage::getId, Function.identity()));
            for (Long id : candidates) {
                ChatMessage message = loaded.get(id);
                if (message != null
                        && !message.isRecalled()
                        && SearchTerms.contains(message.getBody(), terms)
                        && found.size() < wanted) {
                    found.add(message);
                }
            }
            before = candidates.getLast();
            if (candidates.size() < ROUND) {
                break;
            }
        }
        found.sort(Comparator.comparing(ChatMessage::getId).reversed());
        return views.of(found).stream()
                .map(message -> new MessageHit(message, SearchTerms.found(message.body(), terms)))
                .toList();
    }

    /**
     * The one or two terms with the fewest postings (each counted up to a cap, in the index alone), rarest first: a
     * candidate must hold both, which the index tells without reading the message.
     */
    private List<Long> rarestTwo(Set<String> terms) {
        List<Long> hashes = terms.stream().map(TextRules::termHash).distinct().toList();
        Map<Long, Long> counts = TermIndexes.cappedCounts(jdbc, "message_term", "term", hashes, COUNT_CAP);
        // A term no message holds has no count: it is the rarest of all (nothing will be found).
        return hashes.stream()
                .sorted(Comparator.comparing(hash -> counts.getOrDefault(hash, 0L)))
                .limit(2)
                .toList();
    }

    /**
     * The next candidates older than {@code before}: messages holding the term(s), where the caller reads now.
     */
    private List<Long> candidates(List<Long> terms, long me, Long conversationId, long before) {
        boolean two = terms.size() > 1;
        String alsoHolds = two ? " join message_term t2 on t2.term = ? and t2.message_id = t.message_id" : "";
        List<Object> arguments = new ArrayList<>();
        if (two) {
            arguments.add(terms.get(1));
        }
        if (conversationId != null) {
            arguments.addAll(List.of(terms.getFirst(), conversationId, before));
            return jdbc.queryForList(
                    "select t.message_id from message_term t" + alsoHolds
                            + " where t.term = ? and t.conversation_id = ? and t.message_id < ?"
                            + " order by t.message_id desc limit " + ROUND,
                    Long.class,
                    arguments.toArray());
        }
        arguments.addAll(0, List.of(me));
        arguments.addAll(List.of(terms.getFirst(), before));
        return jdbc.queryForList(
                "select t.message_id from message_term t join conversation_member m"
                        + " on m.conversation_id = t.conversation_id and m.user_id = ?" + alsoHolds
                        + " where t.term = ? and t.message_id < ? order by t.message_id desc limit " + ROUND,
                Long.class,
                arguments.toArray());
    }
}
