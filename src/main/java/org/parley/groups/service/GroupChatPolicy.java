package org.parley.groups.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.parley.base.service.Phrase;
import org.parley.chat.service.ConversationLook;
import org.parley.chat.service.GroupConversations;
import org.parley.chat.service.SendRestriction;
import org.parley.groups.domain.ChatGroup;
import org.parley.groups.domain.ChatGroupRepository;
import org.parley.groups.domain.GroupAdminLogEntry;
import org.parley.groups.domain.GroupAdminLogRepository;
import org.parley.groups.domain.GroupMember;
import org.parley.groups.domain.GroupMemberRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Tells the chat who may write in a group conversation now: not the muted, and not in a muted group. */
@Service
@Transactional(readOnly = true)
class GroupChatPolicy implements GroupConversations {

    private final ChatGroupRepository groups;
    private final GroupMemberRepository members;
    private final GroupAdminLogRepository adminLog;
    private final Clock clock;

    GroupChatPolicy(
            ChatGroupRepository groups, GroupMemberRepository members, GroupAdminLogRepository adminLog, Clock clock) {
        this.groups = groups;
        this.members = members;
        this.adminLog = adminLog;
        this.clock = clock;
    }

    @Override
    public SendRestriction sendRestriction(long conversationId, long userId) {
        ChatGroup group = groups.findByConversationId(conversationId).orElse(null);
        if (group == null) {
            return new SendRestriction(Phrase.of("groups.refusal.group-gone"), null);
        }
        GroupMember member =
                members.findByGroupIdAndUserId(group.getId(), userId).orElse(null);
        if (member == null) {
            return new SendRestriction(Phrase.of("groups.refusal.no-longer-member", group.getName()), null);
        }
        Instant now = clock.instant();
        if (member.isMutedAt(now)) {
            Phrase muted = GroupMember.UNTIL_LIFTED.equals(member.getMutedUntil())
                    ? Phrase.of("groups.refusal.muted-until-lifted", group.getName())
                    : Phrase.of("groups.refusal.muted-until", group.getName(), member.getMutedUntil());
            return new SendRestriction(
                    member.getMuteReason() == null
                            ? muted
                            : Phrase.of("groups.refusal.with-reason", muted, member.getMuteReason()),
                    GroupMember.UNTIL_LIFTED.equals(member.getMutedUntil()) ? null : member.getMutedUntil());
        }
        if (group.isMutedAll() && !member.isAdministrator()) {
            return new SendRestriction(Phrase.of("groups.refusal.muted-all", group.getName()), null);
        }
        return null;
    }

    @Override
    public Phrase temporaryChatRefusal(long groupId, long starterId, long otherId) {
        ChatGroup group = groups.findById(groupId).orElse(null);
        if (group == null || members.findByGroupIdAndUserId(groupId, starterId).isEmpty()) {
            return Phrase.of("groups.refusal.not-member-of-that");
        }
        if (members.findByGroupIdAndUserId(groupId, otherId).isEmpty()) {
            return Phrase.of("groups.refusal.person-not-member", group.getName());
        }
        if (!group.isTemporaryChatsAllowed()) {
            return Phrase.of("groups.refusal.temporary-off", group.getName());
        }
        return null;
    }

    @Override
    public boolean shareGroupAllowingTemporaryChats(long a, long b) {
        return members.shareGroupAllowingTemporaryChats(a, b);
    }

    @Override
    public Map<Long, String> groupNames(Collection<Long> groupIds) {
        return groups.findAllById(groupIds).stream().collect(Collectors.toMap(ChatGroup::getId, ChatGroup::getName));
    }

    @Override
    public Map<Long, ConversationLook> looks(Collection<Long> conversationIds) {
        return groups.findByConversationIdIn(conversationIds).stream()
                .collect(Collectors.toMap(
                        ChatGroup::getConversationId,
                        g -> new ConversationLook(g.getName(), GroupSummary.avatarUrl(g))));
    }

    @Override
    public boolean administers(long conversationId, long userId) {
        return groups.findByConversationId(conversationId)
                .flatMap(group -> members.findByGroupIdAndUserId(group.getId(), userId))
                .map(GroupMember::isAdministrator)
                .orElse(false);
    }

    @Override
    @Transactional
    public void logMessageRemoved(long conversationId, long actorId, long senderId) {
        groups.findByConversationId(conversationId)
                .ifPresent(group -> adminLog.save(new GroupAdminLogEntry(
                        group.getId(),
                        actorId,
                        senderId,
                        GroupAdminLogEntry.Action.REMOVE_MESSAGE,
                        null,
                        clock.instant())));
    }
}
