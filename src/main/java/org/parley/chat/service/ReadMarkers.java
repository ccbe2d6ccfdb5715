package org.parley.chat.service;

import org.parley.base.service.CurrentUser;
import org.parley.base.service.NotAllowedException;
import org.parley.chat.domain.ConversationMemberRepository;
import org.parley.chat.domain.ReadPosition;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How far each person has read: one marker per member and conversation, moved by reading (and by sending),
 * never by other people's messages. Unread counts are the conversation's count minus the marker.
 */
@Service
@Transactional
public class ReadMarkers {

    private final ConversationMemberRepository members;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;

    ReadMarkers(ConversationMemberRepository members, CurrentUser currentUser, ApplicationEventPublisher events) {
        this.members = members;
        this.currentUser = currentUser;
        this.events = events;
    }

    /** The caller's unread counts in every conversation, for a tab to keep up to date: one query. */
    @Transactional(readOnly = true)
    public UnreadCounts unreadCounts() {
        long me = currentUser.requireId();
        return new UnreadCounts(me, members.findReadPositions(me));
    }

    /** Reads the caller's counts again into {@code counts} (after joining or leaving a conversation). */
    @Transactional(readOnly = true)
    public void reload(UnreadCounts counts) {
        long me = currentUser.requireId();
        if (!counts.isOf(me)) {
            throw new NotAllowedException("These are someone else's counts.");
        }
        counts.replace(members.findReadPositions(me));
    }

    /**
     * Marks everything stored in the conversation read for the caller, and tells their other tabs. One query,
     * plus one update when something was unread; a conversation the caller is not in does not exist for them.
     * Views call it when they show a conversation, at most about once a second while messages keep coming.
     */
    public void markRead(long conversationId) {
        long me = currentUser.requireId();
        ReadPosition position = members.findReadPosition(conversationId, me)
                .orElseThrow(() -> new NotAllowedException("Conversation not found."));
        if (position.unread() == 0) {
            return;
        }
        if (members.advanceReadMarker(conversationId, me, position.messageCount(), position.lastMessageId()) == 1) {
            events.publishEvent(new ConversationRead(conversationId, me, position.messageCount()));
        }
    }
}
