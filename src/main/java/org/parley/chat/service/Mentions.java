package org.parley.chat.service;

import java.util.List;
import java.util.Set;
import org.parley.account.service.internal.AccountDirectory;
import org.parley.chat.domain.ConversationMemberRepository;
import org.springframework.stereotype.Component;

/**
 * Who a group message names ({@link MentionSyntax}: "@" and a member's user name, as the composer's "@" list writes it). User names never
 * change, and the mention is kept by id, so it shows the person's current display name.
 */
@Component
class Mentions {

    /** More names than this in one message are not mentions but a roll call: the rest are plain text. */
    static final int MOST_PER_MESSAGE = 20;

    private final AccountDirectory directory;
    private final ConversationMemberRepository members;

    Mentions(AccountDirectory directory, ConversationMemberRepository members) {
        this.directory = directory;
        this.members = members;
    }

    /**
     * The members of the conversation that {@code text} names, not its sender: two queries when it names anyone,
     * none otherwise.
     */
    Set<Long> namedIn(String text, long conversationId, long senderId) {
        Set<String> names = MentionSyntax.userNamesIn(text, MOST_PER_MESSAGE);
        if (names.isEmpty()) {
            return Set.of();
        }
        List<Long> named = directory.idsByUsername(names).values().stream()
                .filter(id -> id != senderId)
                .toList();
        return named.isEmpty() ? Set.of() : Set.copyOf(members.findUserIdsAmong(conversationId, named));
    }
}
