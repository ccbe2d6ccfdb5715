package org.parley.base.service;

import java.util.Collection;
import java.util.List;

/**
 * This node may have missed live events for {@code userId} (another node was unreachable, or this one fell
 * behind): whatever the person's tabs show may be stale, so they reload it from the database.
 */
public record EventsMissed(long userId) implements UserEvent {
    @Override
    public Collection<Long> recipients() {
        return List.of(userId);
    }
}
