package org.parley.chat.service;

import java.time.Clock;
import org.parley.base.service.NotAllowedException;
import org.parley.base.service.Phrase;
import org.parley.chat.domain.ChatMessage;
import org.parley.chat.domain.Conversation;
import org.parley.chat.domain.ConversationMember;
import org.parley.chat.domain.ConversationMemberRepository;
import org.parley.chat.domain.ConversationRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is in a conversation, changed by other features' services after they checked their own rules
 * (the groups feature decides who joins a group). Not for views: ArchitectureTest keeps them out.
 */
@Service
@Transactional
public class ConversationMembership {

    private final ConversationRepository conversations;
    private final ConversationMemberRepository members;
    private final MessageAppender appender;
    private final Clock clock;

    ConversationMembership(
            ConversationRepository conversations,
            ConversationMemberRepository members,
            MessageAppender appender,
            Clock clock) {
        this.conversations = conversations;
        this.members = members;
        this.appender = appender;
        this.clock = clock;
    }

    /**
     * Who may read a conversation, its messages and what happens in it: its members, nobody else. To anyone else it
     * does not exist: the same answer as a wrong id.
     */
    void requireReader(long conversationId, long userId) {
        if (!isReader(conversationId, userId)) {
            throw new NotAllowedException(Phrase.of("chat.refusal.conversation-not-found"));
        }
    }

    /** See {@link #requireReader}. */
    boolean isReader(long conversationId, long userId) {
        return members.findByConversationIdAndUserId(conversationId, userId).isPresent();
    }

    public long createGroupConversation() {
        return conversations.saveAndFlush(Conversation.group(clock.instant())).getId();
    }

    /**
     * Adds someone, who starts with nothing unread. Under the conversation lock, so that no message is stored
     * between reading the count they start from and their joining.
     */
    public void add(long conversationId, long userId) {
        Conversation conversation = appender.lock(conversationId);
        if (members.findByConversationIdAndUserId(conversationId, userId).isEmpty()) {
            members.save(new ConversationMember(conversation, userId, clock.instant()));
        }
    }

    public void remove(long conversationId, long userId) {
        members.findByConversationIdAndUserId(conversationId, userId).ifPresent(members::delete);
    }

    /** Everyone out at once (a deleted group), in one statement however many they are. */
    public void removeEveryone(long conversationId) {
        members.deleteAllInBatch(members.findByConversationId(conversationId));
    }

    /**
     * Writes a system line ("Ann joined") and tells every member, plus {@code alsoTell} (someone who just
     * left still sees the line that says so).
     */
    public void postSystemLine(long conversationId, long actorId, SystemLine line, Long subjectId, Long alsoTell) {
        appender.append(
                appender.lock(conversationId),
                now -> ChatMessage.system(conversationId, actorId, line.key(), subjectId, now),
                alsoTell);
    }
}
