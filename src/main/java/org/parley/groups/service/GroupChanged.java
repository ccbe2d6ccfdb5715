package org.parley.groups.service;

import java.util.Collection;
import org.parley.chat.service.AccessChanged;

/**
 * Something about a group changed for these people: membership, roles, mutes, the request queue. Views
 * re-read what they show. {@code kind} lets a view tell the person what happened to them.
 */
public record GroupChanged(
        long groupId, long conversationId, Kind kind, Long subjectUserId, Collection<Long> recipients)
        implements AccessChanged {

    public enum Kind {
        REQUESTS,
        JOINED,
        REJECTED,
        REMOVED,
        BANNED,
        MUTED,
        UNMUTED,
        ROLES,
        SETTINGS
    }
}
