package org.parley.chat.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.parley.account.service.AccountService;
import org.parley.account.service.UserSummary;
import org.parley.chat.domain.ChatMessage;
import org.parley.chat.domain.ChatMessageRepository;
import org.parley.chat.domain.Conversation;
import org.parley.chat.domain.ConversationMember;
import org.parley.chat.domain.ConversationMemberRepository;
import org.parley.chat.domain.ConversationRepository;
import org.springframework.context.ApplicationEventPublisher;
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
    private final ChatMessageRepository messages;
    private final AccountService accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConversationMembership(ConversationRepository conversations, ConversationMemberRepository members,
            ChatMessageRepository messages, AccountService accounts, ApplicationEventPublisher events, Clock clock) {
        this.conversations = conversations;
        this.members = members;
        this.messages = messages;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    public long createGroupConversation() {
        return conversations.saveAndFlush(Conversation.group(clock.instant())).getId();
    }

    public void add(long conversationId, long userId) {
        if (members.findByConversationIdAndUserId(conversationId, userId).isEmpty()) {
            members.save(new ConversationMember(conversationId, userId, clock.instant()));
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
    public void postSystemLine(long conversationId, long actorId, String text, Long alsoTell) {
        conversations.lockById(conversationId).orElseThrow();
        Instant now = clock.instant();
        ChatMessage line = messages.saveAndFlush(ChatMessage.system(conversationId, actorId, text, now));
        conversations.messagePosted(conversationId, line.getId(), now);
        UserSummary actor = accounts.summaries(List.of(actorId)).get(actorId);
        List<Long> recipients = new java.util.ArrayList<>(members.findByConversationId(conversationId).stream()
                .map(ConversationMember::getUserId).toList());
        if (alsoTell != null && !recipients.contains(alsoTell)) {
            recipients.add(alsoTell);
        }
        events.publishEvent(new MessagePosted(ChatService.view(line, actor, null), recipients));
    }
}
