package org.parley.base.service;

import java.util.Collection;

/** Something a set of users should see at once, in every tab they have open. */
public interface UserEvent {
    Collection<Long> recipients();

    /** The message this event carries, followed by {@link DeliveryTrace} in the benchmarks; null: none. */
    default Long tracedMessageId() {
        return null;
    }
}
