package org.parley.base.service;

import java.io.Serializable;
import java.util.Collection;

/**
 * Something a set of users should see at once, in every tab they have open. Serializable: on several nodes it
 * travels to the others (NodeRelay), so its parts must be too (records, enums, ordinary collections).
 */
public interface UserEvent extends Serializable {
    Collection<Long> recipients();

    /** The message this event carries, followed by {@link DeliveryTrace} in the benchmarks; null: none. */
    default Long tracedMessageId() {
        return null;
    }
}
