package org.parley.chat.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.parley.account.service.UserSummary;
import org.parley.account.service.internal.AccountDirectory;
import org.parley.base.service.CurrentUser;
import org.parley.base.service.NotAllowedException;
import org.parley.base.service.Phrase;
import org.parley.chat.domain.ConversationMemberRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Anna is typing…": who is writing in a conversation, told live to its other members and never stored. A typist's
 * page says so at most once a second while keys are pressed; the other members' views forget a typist after
 * {@link #SHOWN_FOR} without another notice, or as soon as the typist's message arrives.
 */
@Service
public class TypingService {

    /** How long one notice holds: a few seconds of silence end "typing". */
    public static final Duration SHOWN_FOR = Duration.ofSeconds(5);
    /** One notice per person per second at most, whatever a page sends. */
    static final Duration AT_MOST_EVERY = Duration.ofSeconds(1);

    private record Told(long conversationId, Instant at) {}

    private final WritePermission writePermission;
    private final ConversationMemberRepository members;
    private final AccountDirectory directory;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** Each person's last notice that went out (one entry per person who typed since this node started). */
    private final Map<Long, Told> lastTold = new ConcurrentHashMap<>();

    TypingService(
            WritePermission writePermission,
            ConversationMemberRepository members,
            AccountDirectory directory,
            CurrentUser currentUser,
            ApplicationEventPublisher events,
            Clock clock) {
        this.writePermission = writePermission;
        this.members = members;
        this.directory = directory;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The caller is typing in {@code conversationId}: its other members see it. Only someone who may send there now
     * is shown typing (not a muted member, not someone no longer a friend or a member). A notice within a second of
     * the caller's last one in the same conversation is dropped before any query.
     */
    @Transactional(readOnly = true)
    public void typing(long conversationId) {
        long me = currentUser.requireId();
        Instant now = clock.instant();
        Told last = lastTold.get(me);
        if (last != null
                && last.conversationId() == conversationId
                && now.isBefore(last.at().plus(AT_MOST_EVERY))) {
            return;
        }
        Phrase refusal = writePermission.refusalToWrite(conversationId, me);
        if (refusal != null) {
            throw new NotAllowedException(refusal);
        }
        lastTold.put(me, new Told(conversationId, now));
        List<Long> others = members.findUserIdsByConversationId(conversationId).stream()
                .filter(id -> id != me)
                .toList();
        UserSummary typist = directory.summaries(List.of(me)).get(me);
        events.publishEvent(new SomeoneTyping(conversationId, typist, others));
    }
}
