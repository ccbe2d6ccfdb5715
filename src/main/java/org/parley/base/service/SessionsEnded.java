package org.parley.base.service;

import java.util.Collection;
import java.util.List;

/**
 * A person's sign-ins end now, on every node (their account was disabled, or their password reset by an
 * administrator, or they deleted their account: {@code accountDeleted}): each session of theirs is ended, and each
 * open tab goes to the sign-in page at once, which says why.
 */
public record SessionsEnded(long userId, boolean accountDeleted) implements UserEvent {

    /** Ended by an administrator. */
    public SessionsEnded(long userId) {
        this(userId, false);
    }

    @Override
    public Collection<Long> recipients() {
        return List.of(userId);
    }
}
