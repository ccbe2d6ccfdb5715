package org.parley.base.service;

import java.util.Collection;
import java.util.List;

/**
 * A person's sign-ins end now, on every node (their account was disabled, or their password reset by an
 * administrator): each session of theirs is ended, and each open tab goes to the sign-in page at once.
 */
public record SessionsEnded(long userId) implements UserEvent {
    @Override
    public Collection<Long> recipients() {
        return List.of(userId);
    }
}
