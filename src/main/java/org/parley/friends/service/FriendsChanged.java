package org.parley.friends.service;

import java.util.Collection;
import java.util.Set;
import org.parley.account.service.UserSummary;
import org.parley.base.service.UserEvent;

/**
 * Something changed between two people: both (every tab) refresh their lists and badges.
 * {@code actor} is who did it, so the other side can be told ("Ann sent you a friend request").
 */
public record FriendsChanged(Kind kind, UserSummary actor, long otherUserId) implements UserEvent {

    public enum Kind {
        REQUEST_SENT,
        REQUEST_ACCEPTED,
        REQUEST_DECLINED,
        REQUEST_CANCELLED,
        FRIEND_REMOVED,
        BLOCKED,
        UNBLOCKED
    }

    @Override
    public Collection<Long> recipients() {
        return Set.of(actor.id(), otherUserId);
    }
}
