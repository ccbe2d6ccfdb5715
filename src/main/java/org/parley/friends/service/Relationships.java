package org.parley.friends.service;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.account.service.UserSummary;
import org.parley.account.service.internal.AccountDirectory;
import org.parley.friends.domain.FriendRequest;
import org.parley.friends.domain.FriendRequestRepository;
import org.parley.friends.domain.FriendshipRepository;
import org.parley.friends.domain.UserBlockRepository;
import org.springframework.stereotype.Component;

/**
 * Where the caller stands with people, for {@link FriendService}'s answers: three queries for any number of people
 * (friendships, blocks, pending requests between the caller and them), never one per person.
 */
@Component
class Relationships {

    private final FriendRequestRepository requests;
    private final FriendshipRepository friendships;
    private final UserBlockRepository blocks;
    private final AccountDirectory directory;

    Relationships(
            FriendRequestRepository requests,
            FriendshipRepository friendships,
            UserBlockRepository blocks,
            AccountDirectory directory) {
        this.requests = requests;
        this.friendships = friendships;
        this.blocks = blocks;
        this.directory = directory;
    }

    /** Each person with where {@code me} stands with them (blocked before friend before a pending request). */
    List<PersonResult> of(long me, List<UserSummary> people) {
        if (people.isEmpty()) {
            return List.of();
        }
        List<Long> ids = people.stream().map(UserSummary::id).toList();
        Set<Long> friendIds = new HashSet<>();
        friendships.findBetween(me, ids).forEach(f -> friendIds.add(f.other(me)));
        Set<Long> blockedByMe = new HashSet<>();
        blocks.findBetween(me, ids).stream()
                .filter(b -> b.getBlockerId() == me)
                .forEach(b -> blockedByMe.add(b.getBlockedId()));
        Map<Long, FriendRequest> pendingByOther = new HashMap<>();
        requests.findPendingBetween(me, ids)
                .forEach(r -> pendingByOther.put(r.getSenderId() == me ? r.getRecipientId() : r.getSenderId(), r));
        return people.stream()
                .map(person -> {
                    long id = person.id();
                    if (blockedByMe.contains(id)) {
                        return new PersonResult(person, Relationship.BLOCKED, null);
                    }
                    if (friendIds.contains(id)) {
                        return new PersonResult(person, Relationship.FRIEND, null);
                    }
                    FriendRequest request = pendingByOther.get(id);
                    if (request != null) {
                        return new PersonResult(
                                person,
                                request.getSenderId() == me ? Relationship.REQUEST_SENT : Relationship.REQUEST_RECEIVED,
                                request.getId());
                    }
                    return new PersonResult(person, Relationship.NONE, null);
                })
                .toList();
    }

    /** Pending requests as the caller sees them: who the other person is, and which way the request goes. */
    List<PendingRequest> pending(List<FriendRequest> found, long me) {
        Map<Long, UserSummary> users = directory.summaries(found.stream()
                .map(r -> r.getSenderId() == me ? r.getRecipientId() : r.getSenderId())
                .toList());
        return found.stream()
                .map(r -> {
                    boolean incoming = r.getRecipientId() == me;
                    return new PendingRequest(
                            r.getId(),
                            users.get(incoming ? r.getSenderId() : r.getRecipientId()),
                            r.getNote(),
                            r.getCreatedAt(),
                            incoming);
                })
                .toList();
    }
}
