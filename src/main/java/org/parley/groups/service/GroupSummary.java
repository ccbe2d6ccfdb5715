package org.parley.groups.service;

import org.parley.groups.domain.ChatGroup;

/** A group as lists show it. */
public record GroupSummary(long id, String name, String description, ChatGroup.JoinPolicy joinPolicy,
        int memberCount, long conversationId, boolean mutedAll) {

    static GroupSummary of(ChatGroup group) {
        return new GroupSummary(group.getId(), group.getName(), group.getDescription(), group.getJoinPolicy(),
                group.getMemberCount(), group.getConversationId(), group.isMutedAll());
    }
}
