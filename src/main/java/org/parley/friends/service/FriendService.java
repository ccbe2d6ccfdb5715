package org.parley.friends.service;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.parley.account.service.AccountService;
import org.parley.account.service.UserSummary;
import org.parley.account.service.internal.AccountDirectory;
import org.parley.base.service.CurrentUser;
import org.parley.base.service.InvalidInputException;
import org.parley.base.service.NotAllowedException;
import org.parley.base.service.Phrase;
import org.parley.base.service.RateLimits;
import org.parley.base.service.TextRules;
import org.parley.base.service.TooManyAttemptsException;
import org.parley.friends.domain.FriendRequest;
import org.parley.friends.domain.FriendRequestRepository;
import org.parley.friends.domain.Friendship;
import org.parley.friends.domain.FriendshipRepository;
import org.parley.friends.domain.UserBlock;
import org.parley.friends.domain.UserBlockRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finding people, friend requests, friendships and blocks; always on behalf of the signed-in user. */
@Service
// A safety net: each method still checks its caller (CurrentUser); a call with nobody signed in never gets in.
@PreAuthorize("isAuthenticated()")
@Transactional
public class FriendService {

    public static final int MAX_NOTE_LENGTH = 500;
    public static final int MAX_PAGE = 50;

    private final FriendRequestRepository requests;
    private final FriendshipRepository friendships;
    private final UserBlockRepository blocks;
    private final AccountService accounts;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RateLimits limits;
    private final Duration askAgainAfterDecline;
    private final AccountDirectory directory;
    private final Relationships relationships;

    FriendService(
            FriendRequestRepository requests,
            FriendshipRepository friendships,
            UserBlockRepository blocks,
            AccountService accounts,
            CurrentUser currentUser,
            ApplicationEventPublisher events,
            Clock clock,
            RateLimits limits,
            @Value("${parley.limits.friend-request-after-decline:1d}") Duration askAgainAfterDecline,
            AccountDirectory directory,
            Relationships relationships) {
        this.directory = directory;
        this.relationships = relationships;
        this.limits = limits;
        this.askAgainAfterDecline = askAgainAfterDecline;
        this.requests = requests;
        this.friendships = friendships;
        this.blocks = blocks;
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /**
     * People whose user name or display name contains the query, never the caller, with where the caller
     * stands with each. Paged by user name: pass the last result's user name (lower-cased) to go on.
     */
    @Transactional(readOnly = true)
    public List<PersonResult> searchPeople(String query, String afterUsername, int limit) {
        long me = currentUser.requireId();
        if (TextRules.searchKey(query).isEmpty()) {
            return List.of();
        }
        List<UserSummary> people =
                accounts.searchOthers(query, TextRules.searchKey(afterUsername), Math.clamp(limit, 1, MAX_PAGE));
        return relationships.of(me, people);
    }

    /** Sends a request; if the other person already asked the caller, accepts theirs instead. */
    public Relationship sendRequest(long recipientId, String note) {
        long me = currentUser.requireId();
        String cleanNote = TextRules.optionalText(note, "The note", MAX_NOTE_LENGTH);
        UserSummary recipient = requireOther(me, recipientId);
        if (blocks.existsByBlockerIdAndBlockedId(me, recipientId)) {
            throw new NotAllowedException(Phrase.of("friends.refusal.you-blocked", recipient.shownName()));
        }
        if (blocks.existsByBlockerIdAndBlockedId(recipientId, me)) {
            throw new NotAllowedException(Phrase.of("friends.refusal.cannot-request", recipient.shownName()));
        }
        if (friendships
                .findByUserLowAndUserHigh(Math.min(me, recipientId), Math.max(me, recipientId))
                .isPresent()) {
            throw new InvalidInputException(Phrase.of("friends.refusal.already-friends", recipient.shownName()));
        }
        var theirs = requests.findByPendingKey(recipientId + ":" + me);
        if (theirs.isPresent()) {
            accept(theirs.get());
            return Relationship.FRIEND;
        }
        if (requests.findByPendingKey(me + ":" + recipientId).isPresent()) {
            throw new InvalidInputException(Phrase.of("friends.refusal.already-requested", recipient.shownName()));
        }
        requireNoRecentDecline(me, recipient);
        limits.friendRequestsPerPerson().take(me);
        try {
            requests.saveAndFlush(new FriendRequest(me, recipientId, cleanNote, clock.instant()));
        } catch (DataIntegrityViolationException sentTwiceAtOnce) {
            throw new InvalidInputException(Phrase.of("friends.refusal.already-requested", recipient.shownName()));
        }
        publish(FriendsChanged.Kind.REQUEST_SENT, me, recipientId);
        return Relationship.REQUEST_SENT;
    }

    /**
     * Someone who declined a request is not asked again by the same person until the cooldown has passed: each
     * request is a notice and a badge for them, and a decline means "not now".
     */
    private void requireNoRecentDecline(long me, UserSummary recipient) {
        requests.findFirstBySenderIdAndRecipientIdAndStatusOrderByAnsweredAtDesc(
                        me, recipient.id(), FriendRequest.Status.DECLINED)
                .ifPresent(declined -> {
                    Duration left = Duration.between(
                            clock.instant(), declined.getAnsweredAt().plus(askAgainAfterDecline));
                    if (left.isPositive()) {
                        throw new TooManyAttemptsException(
                                Phrase.of(
                                        "friends.refusal.declined",
                                        recipient.shownName(),
                                        TooManyAttemptsException.waitPhrase(left)),
                                left);
                    }
                });
    }

    public void cancelRequest(long requestId) {
        long me = currentUser.requireId();
        FriendRequest request = requirePending(requestId, me);
        if (request.getSenderId() != me) {
            throw new NotAllowedException(Phrase.of("friends.refusal.only-the-sender-can-cancel-a"));
        }
        request.close(FriendRequest.Status.CANCELLED, clock.instant());
        publish(FriendsChanged.Kind.REQUEST_CANCELLED, me, request.getRecipientId());
    }

    public void acceptRequest(long requestId) {
        long me = currentUser.requireId();
        FriendRequest request = requirePending(requestId, me);
        if (request.getRecipientId() != me) {
            throw new NotAllowedException(Phrase.of("friends.refusal.only-the-recipient-can-accept-a"));
        }
        accept(request);
    }

    public void declineRequest(long requestId) {
        long me = currentUser.requireId();
        FriendRequest request = requirePending(requestId, me);
        if (request.getRecipientId() != me) {
            throw new NotAllowedException(Phrase.of("friends.refusal.only-the-recipient-can-decline-a"));
        }
        request.close(FriendRequest.Status.DECLINED, clock.instant());
        publish(FriendsChanged.Kind.REQUEST_DECLINED, me, request.getSenderId());
    }

    public void removeFriend(long friendId) {
        long me = currentUser.requireId();
        Friendship friendship = friendships
                .findByUserLowAndUserHigh(Math.min(me, friendId), Math.max(me, friendId))
                .orElseThrow(() -> new InvalidInputException(Phrase.of("friends.refusal.you-are-not-friends")));
        friendships.delete(friendship);
        publish(FriendsChanged.Kind.FRIEND_REMOVED, me, friendId);
    }

    /** Blocks a user: ends the friendship and any pending requests between the two. */
    public void block(long userId) {
        long me = currentUser.requireId();
        requireOther(me, userId);
        if (blocks.existsByBlockerIdAndBlockedId(me, userId)) {
            return;
        }
        blocks.save(new UserBlock(me, userId, clock.instant()));
        friendships
                .findByUserLowAndUserHigh(Math.min(me, userId), Math.max(me, userId))
                .ifPresent(friendships::delete);
        closePending(requests.findPendingBetween(me, List.of(userId)), me);
        publish(FriendsChanged.Kind.BLOCKED, me, userId);
    }

    /**
     * The caller is deleting their account: they stop being anyone's friend (whose lists change at once), their
     * pending requests close both ways, and their blocks go.
     */
    public void endEveryTieAsMyAccountIsDeleted() {
        long me = currentUser.requireId();
        List<Friendship> mine = friendships.findAllOf(me);
        friendships.deleteAllInBatch(mine);
        closePending(requests.findPendingOf(me), me);
        blocks.deleteAllOf(me);
        UserSummary actor = directory.summaries(List.of(me)).get(me);
        for (Friendship friendship : mine) {
            events.publishEvent(new FriendsChanged(FriendsChanged.Kind.FRIEND_REMOVED, actor, friendship.other(me)));
        }
    }

    /** Pending requests end: those {@code me} sent are withdrawn, those sent to {@code me} declined. */
    private void closePending(List<FriendRequest> pending, long me) {
        for (FriendRequest request : pending) {
            request.close(
                    request.getSenderId() == me ? FriendRequest.Status.CANCELLED : FriendRequest.Status.DECLINED,
                    clock.instant());
        }
    }

    public void unblock(long userId) {
        long me = currentUser.requireId();
        blocks.findByBlockerIdAndBlockedId(me, userId).ifPresent(block -> {
            blocks.delete(block);
            publish(FriendsChanged.Kind.UNBLOCKED, me, userId);
        });
    }

    @Transactional(readOnly = true)
    public List<UserSummary> friends() {
        long me = currentUser.requireId();
        List<Long> ids =
                friendships.findAllOf(me).stream().map(f -> f.other(me)).toList();
        return directory.summaries(ids).values().stream()
                .sorted(Comparator.comparing(UserSummary::displayName, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<UserSummary> blockedUsers() {
        long me = currentUser.requireId();
        List<Long> ids = blocks.findByBlockerIdOrderByIdDesc(me).stream()
                .map(UserBlock::getBlockedId)
                .toList();
        Map<Long, UserSummary> users = directory.summaries(ids);
        return ids.stream().map(users::get).toList();
    }

    @Transactional(readOnly = true)
    public List<PendingRequest> incomingRequests() {
        long me = currentUser.requireId();
        return relationships.pending(
                requests.findByRecipientIdAndStatusOrderByCreatedAtDesc(me, FriendRequest.Status.PENDING), me);
    }

    @Transactional(readOnly = true)
    public List<PendingRequest> outgoingRequests() {
        long me = currentUser.requireId();
        return relationships.pending(
                requests.findBySenderIdAndStatusOrderByCreatedAtDesc(me, FriendRequest.Status.PENDING), me);
    }

    @Transactional(readOnly = true)
    public long incomingRequestCount() {
        return requests.countByRecipientIdAndStatus(currentUser.requireId(), FriendRequest.Status.PENDING);
    }

    /** Where the caller stands with one person (friend, request sent or received, blocked, none). */
    @Transactional(readOnly = true)
    public Relationship relationshipWith(long otherId) {
        long me = currentUser.requireId();
        UserSummary other = requireOther(me, otherId);
        return relationships.of(me, List.of(other)).getFirst().relationship();
    }

    private void accept(FriendRequest request) {
        request.close(FriendRequest.Status.ACCEPTED, clock.instant());
        long a = request.getSenderId();
        long b = request.getRecipientId();
        if (friendships.findByUserLowAndUserHigh(Math.min(a, b), Math.max(a, b)).isEmpty()) {
            friendships.save(new Friendship(a, b, clock.instant()));
        }
        publish(FriendsChanged.Kind.REQUEST_ACCEPTED, request.getRecipientId(), request.getSenderId());
    }

    /** A pending request the caller is part of; any other request is "not found", revealing nothing. */
    private FriendRequest requirePending(long requestId, long me) {
        return requests.findById(requestId)
                .filter(r -> r.getSenderId() == me || r.getRecipientId() == me)
                .filter(FriendRequest::isPending)
                .orElseThrow(() -> new NotAllowedException(Phrase.of("friends.refusal.that-request-no-longer-exists")));
    }

    private UserSummary requireOther(long me, long userId) {
        if (userId == me) {
            throw new InvalidInputException(Phrase.of("friends.refusal.that-is-you"));
        }
        UserSummary user = directory.summaries(List.of(userId)).get(userId);
        if (user == null) {
            throw new NotAllowedException(Phrase.of("friends.refusal.no-such-person"));
        }
        return user;
    }

    private void publish(FriendsChanged.Kind kind, long actorId, long otherId) {
        UserSummary actor = directory.summaries(List.of(actorId)).get(actorId);
        events.publishEvent(new FriendsChanged(kind, actor, otherId));
    }
}
