package org.parley.base.service;

import java.util.Collection;

/** Something a set of users should see at once, in every tab they have open. */
public interface UserEvent {
    Collection<Long> recipients();
}
