package org.parley.chat.service;

import java.util.Set;
import org.parley.base.service.CurrentUser;
import org.parley.base.service.NotAllowedException;
import org.parley.base.service.Phrase;
import org.parley.chat.domain.ConversationMember;
import org.parley.chat.domain.ConversationMemberRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which conversations notify the caller: all of them, except those where they muted notifications (a busy group
 * keeps its badge, and a message that mentions them still notifies). Each person sets only their own, and only
 * in conversations they are in.
 */
@Service
@PreAuthorize("isAuthenticated()")
@Transactional
public class ConversationNotifications {

    private final ConversationMemberRepository members;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;

    ConversationNotifications(
            ConversationMemberRepository members, CurrentUser currentUser, ApplicationEventPublisher events) {
        this.members = members;
        this.currentUser = currentUser;
        this.events = events;
    }

    /** Mutes or unmutes the caller's notifications of a conversation they are in; their open tabs follow. */
    public void muteNotifications(long conversationId, boolean muted) {
        ConversationMember membership = myMembership(conversationId);
        if (membership.isNotificationsMuted() != muted) {
            membership.setNotificationsMuted(muted);
            events.publishEvent(new NotificationsMuted(conversationId, membership.getUserId(), muted));
        }
    }

    /** Whether the caller muted notifications of this conversation (which they must be in). */
    @Transactional(readOnly = true)
    public boolean notificationsMuted(long conversationId) {
        return myMembership(conversationId).isNotificationsMuted();
    }

    /** The caller's conversations with notifications muted: one query. */
    @Transactional(readOnly = true)
    public Set<Long> mutedConversations() {
        return Set.copyOf(members.findNotificationsMutedConversationIds(currentUser.requireId()));
    }

    /**
     * Whether a message notifies the one it reaches: not their own or a system line, and not in a conversation they
     * muted unless it mentions them. Tabs decide with it, from the event and the set they keep.
     */
    public static boolean notifies(ChatMessageView message, long reader, Set<Long> muted) {
        if (message.system() || message.sender() == null || message.sender().id() == reader) {
            return false;
        }
        return !muted.contains(message.conversationId())
                || message.mentions().stream().anyMatch(person -> person.id() == reader);
    }

    private ConversationMember myMembership(long conversationId) {
        long me = currentUser.requireId();
        return members.findByConversationIdAndUserId(conversationId, me)
                .orElseThrow(() -> new NotAllowedException(Phrase.of("chat.refusal.conversation-not-found")));
    }
}
