package org.parley.chat.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.parley.base.service.DeliveryTrace;
import org.parley.base.service.NotAllowedException;
import org.parley.base.service.Phrase;
import org.parley.chat.domain.ChatMessage;
import org.parley.chat.domain.ChatMessageRepository;
import org.parley.chat.domain.Conversation;
import org.parley.chat.domain.ConversationMemberRepository;
import org.parley.chat.domain.ConversationRepository;
import org.parley.chat.domain.MessageMention;
import org.parley.chat.domain.MessageMentionRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way a message is stored — a person's text, a file or picture, a system line: lock the conversation,
 * store the message, count it, tell the members after the commit. Its writes do not grow with the conversation:
 * the message, the conversation row, (for a person's message) the sender's read marker and its search terms (one
 * statement), and a row per person it mentions — never a row per member. Callers check permissions first, in the same transaction, holding the lock from {@link #lock}.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class MessageAppender {

    private final ConversationRepository conversations;
    private final ConversationMemberRepository members;
    private final ChatMessageRepository messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MessageViews views;
    private final MessageMentionRepository mentions;
    private final MessageSearchIndex searchIndex;

    MessageAppender(
            ConversationRepository conversations,
            ConversationMemberRepository members,
            ChatMessageRepository messages,
            ApplicationEventPublisher events,
            Clock clock,
            MessageViews views,
            MessageMentionRepository mentions,
            MessageSearchIndex searchIndex) {
        this.searchIndex = searchIndex;
        this.views = views;
        this.mentions = mentions;
        this.conversations = conversations;
        this.members = members;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Locks the conversation row for the rest of the transaction. Every writer of a conversation takes this lock
     * first: the message insert would otherwise take a shared lock through its foreign key, and two senders
     * upgrading to the conversation update deadlock on MariaDB. It also makes message ids and counts follow
     * commit order, and lets a repeated send wait for the first one and find its message.
     */
    Conversation lock(long conversationId) {
        return conversations
                .lockById(conversationId)
                .orElseThrow(() -> new NotAllowedException(Phrase.of("chat.refusal.conversation-not-found")));
    }

    /**
     * Stores the message {@code newMessage} makes (given the time it is stored at) in the {@code locked}
     * conversation and announces it, after the commit, to every member and to {@code alsoTell} (null: nobody
     * else; someone who just left still sees the line that says so). A person's message counts as unread for
     * the others and moves its sender's own read marker past it: sending is reading.
     */
    ChatMessageView append(Conversation locked, Function<Instant, ChatMessage> newMessage, Long alsoTell) {
        return append(locked, newMessage, alsoTell, Set.of());
    }

    /** Appends as above a message that names {@code mentioned} (members, checked by the caller): a row for each. */
    ChatMessageView append(
            Conversation locked, Function<Instant, ChatMessage> newMessage, Long alsoTell, Set<Long> mentioned) {
        Instant now = clock.instant();
        ChatMessage message = messages.save(newMessage.apply(now));
        DeliveryTrace.stored(message.getId(), message.getBody());
        searchIndex.add(message);
        if (!mentioned.isEmpty()) {
            mentions.saveAll(mentioned.stream()
                    .map(userId -> new MessageMention(message.getId(), userId, locked.getId()))
                    .toList());
        }
        boolean counted = message.getKind() == ChatMessage.Kind.USER;
        locked.recordMessage(message.getId(), now, counted);
        long senderId = message.getSenderId();
        if (counted) {
            // Flushes the conversation row first (one update), then moves one member row: the sender's.
            members.advanceReadMarker(locked.getId(), senderId, locked.getMessageCount(), message.getId());
        } else {
            conversations.flush();
        }
        List<Long> recipients = new ArrayList<>(members.findUserIdsByConversationId(locked.getId()));
        if (alsoTell != null && !recipients.contains(alsoTell)) {
            recipients.add(alsoTell);
        }
        ChatMessageView view = views.posted(message, mentioned);
        events.publishEvent(new MessagePosted(view, locked.getMessageCount(), recipients));
        return view;
    }
}
