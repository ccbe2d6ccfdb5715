package org.parley.groups.service;

import org.parley.groups.domain.ChatGroup;

/** A group as lists show it; {@code avatarUrl} is null when it has no picture (initials are shown). */
public record GroupSummary(
        long id,
        String name,
        String description,
        ChatGroup.JoinPolicy joinPolicy,
        int memberCount,
        long conversationId,
        boolean mutedAll,
        String avatarUrl,
        boolean temporaryChatsAllowed) {

    /** Where group pictures are served; the version makes each change a new, cacheable address. */
    public static final String AVATAR_PREFIX = "/group-avatars/";

    static GroupSummary of(ChatGroup group) {
        return new GroupSummary(
                group.getId(),
                group.getName(),
                group.getDescription(),
                group.getJoinPolicy(),
                group.getMemberCount(),
                group.getConversationId(),
                group.isMutedAll(),
                avatarUrl(group),
                group.isTemporaryChatsAllowed());
    }

    static String avatarUrl(ChatGroup group) {
        return group.getAvatarVersion() > 0 ? AVATAR_PREFIX + group.getId() + "?v=" + group.getAvatarVersion() : null;
    }
}
