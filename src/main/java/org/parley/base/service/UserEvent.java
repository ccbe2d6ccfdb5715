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

    /**
     * A fleeting event (someone is typing) matters only to a view showing its subject right now: it wakes a tab only
     * if one of the tab's views asked for it ({@code LiveUpdates.bind} with a test), so a notice to a thousand
     * members costs the tabs that show it, not every tab of every member.
     */
    default boolean fleeting() {
        return false;
    }
}
