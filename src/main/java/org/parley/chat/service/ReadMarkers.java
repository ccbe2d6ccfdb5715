package org.parley.chat.service;

import org.parley.base.service.CurrentUser;
import org.parley.base.service.NotAllowedException;
import org.parley.base.service.Phrase;
import org.parley.chat.domain.ConversationMemberRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How far each person has read: one marker per member and conversation, moved by reading (and by sending),
 * never by other people's messages. Unread counts are the conversation's count minus the marker. Reads are
 * written in batches ({@link ReadMarkerWriter}); a person's own counts always include their own reads.
 */
@Service
// A safety net: each method still checks its caller (CurrentUser); a call with nobody signed in never gets in.
@PreAuthorize("isAuthenticated()")
@Transactional
public class ReadMarkers {

    private final ConversationMemberRepository members;
    private final CurrentUser currentUser;
    private final ReadMarkerWriter writer;

    ReadMarkers(ConversationMemberRepository members, CurrentUser currentUser, ReadMarkerWriter writer) {
        this.members = members;
        this.currentUser = currentUser;
        this.writer = writer;
    }

    /** The caller's unread counts in every conversation, for a tab to keep up to date: one query. */
    @Transactional(readOnly = true)
    public UnreadCounts unreadCounts() {
        long me = caughtUp();
        return new UnreadCounts(me, members.findReadPositions(me));
    }

    /** Reads the caller's counts again into {@code counts} (after joining or leaving a conversation). */
    @Transactional(readOnly = true)
    public void reload(UnreadCounts counts) {
        long me = requireOwner(counts);
        caughtUp();
        counts.replace(members.findReadPositions(me));
    }

    /**
     * Marks the conversation read for the caller as far as their tab has shown it ({@code seen}: its counts, which
     * know the newest message the tab was told of, and take the read at once), written with everyone else's reads
     * within a moment; their other tabs are told then. Only the caller's own marker moves; a conversation they
     * are not in stays as it is, and nobody is told. Views call it when they show a conversation, at most about
     * once a second while messages keep coming.
     */
    public void markRead(long conversationId, UnreadCounts seen) {
        long me = requireOwner(seen);
        long[] upTo = seen.seen(conversationId);
        if (upTo != null) {
            writer.request(new ReadMarkerWriter.Request(conversationId, me, upTo[0], upTo[1]));
            seen.readUpTo(conversationId, upTo[0]);
        }
    }

    private long requireOwner(UnreadCounts counts) {
        long me = currentUser.requireId();
        if (!counts.isOf(me)) {
            throw new NotAllowedException(Phrase.of("chat.refusal.these-are-someone-else-s-counts"));
        }
        return me;
    }

    /** The caller, once their own reads still waiting are written: what they read is read. */
    private long caughtUp() {
        long me = currentUser.requireId();
        if (writer.hasPending(me)) {
            writer.flush();
        }
        return me;
    }
}
