package org.parley.friends.service.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.parley.friends.domain.FriendshipRepository;
import org.parley.friends.domain.UserBlockRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is friends with whom and who blocked whom, between any two people, for services that decide on behalf of
 * their caller. Nothing here checks a caller, so views may not use it (ArchitectureTest).
 */
@Service
@Transactional(readOnly = true)
public class FriendGraph {

    private final FriendshipRepository friendships;
    private final UserBlockRepository blocks;

    FriendGraph(FriendshipRepository friendships, UserBlockRepository blocks) {
        this.friendships = friendships;
        this.blocks = blocks;
    }

    /**
     * Whether these two may talk one-on-one. One query: a friendship never coexists with a block, because
     * blocking ends it and no request is sent or accepted while a block stands.
     */
    public boolean areFriends(long a, long b) {
        return friendships
                .findByUserLowAndUserHigh(Math.min(a, b), Math.max(a, b))
                .isPresent();
    }

    /** Which of {@code others} are friends of {@code userId}: one query. */
    public Set<Long> friendsAmong(long userId, Collection<Long> others) {
        Set<Long> found = new HashSet<>();
        if (!others.isEmpty()) {
            friendships.findBetween(userId, others).forEach(f -> found.add(f.other(userId)));
        }
        return found;
    }

    /** Whether either of the two blocked the other. */
    public boolean isBlockedEitherWay(long a, long b) {
        return blocks.existsByBlockerIdAndBlockedId(a, b) || blocks.existsByBlockerIdAndBlockedId(b, a);
    }
}
