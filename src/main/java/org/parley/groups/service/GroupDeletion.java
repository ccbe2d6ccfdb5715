package org.parley.groups.service;

import java.util.ArrayList;
import java.util.Collection;
import org.parley.account.service.ServerAdministrators;
import org.parley.base.service.CurrentUser;
import org.parley.chat.service.ConversationMembership;
import org.parley.chat.service.SystemLine;
import org.parley.groups.domain.ChatGroup;
import org.parley.groups.domain.ChatGroupRepository;
import org.parley.groups.domain.GroupAdminLogRepository;
import org.parley.groups.domain.GroupAvatarRepository;
import org.parley.groups.domain.GroupBanRepository;
import org.parley.groups.domain.GroupJoinRequestRepository;
import org.parley.groups.domain.GroupMemberRepository;
import org.parley.groups.domain.GroupMuteCarryRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deleting a group: by its owner, or by a server administrator (who need not be in it). Everyone leaves it at once
 * and it disappears from search. Its conversation is kept, out of everyone's reach, so nothing written is silently
 * destroyed.
 */
@Service
@PreAuthorize("isAuthenticated()")
@Transactional
public class GroupDeletion {

    private final ChatGroupRepository groups;
    private final GroupMemberRepository members;
    private final GroupJoinRequestRepository requests;
    private final GroupBanRepository bans;
    private final GroupAdminLogRepository adminLog;
    private final GroupAvatarRepository avatars;
    private final GroupMuteCarryRepository muteCarries;
    private final GroupRecords records;
    private final ConversationMembership conversation;
    private final ServerAdministrators administrators;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;

    GroupDeletion(
            ChatGroupRepository groups,
            GroupMemberRepository members,
            GroupJoinRequestRepository requests,
            GroupBanRepository bans,
            GroupAdminLogRepository adminLog,
            GroupAvatarRepository avatars,
            GroupMuteCarryRepository muteCarries,
            GroupRecords records,
            ConversationMembership conversation,
            ServerAdministrators administrators,
            CurrentUser currentUser,
            ApplicationEventPublisher events) {
        this.groups = groups;
        this.members = members;
        this.requests = requests;
        this.bans = bans;
        this.adminLog = adminLog;
        this.avatars = avatars;
        this.muteCarries = muteCarries;
        this.records = records;
        this.conversation = conversation;
        this.administrators = administrators;
        this.currentUser = currentUser;
        this.events = events;
    }

    /** The owner deletes their group. */
    public void deleteAsOwner(long groupId) {
        long me = currentUser.requireId();
        ChatGroup group = records.requireGroup(groupId);
        records.requireOwner(groupId, me);
        delete(group, me);
    }

    /** A server administrator deletes any group (Administration); returns its name, as it was, for their log. */
    public String deleteAsServerAdministrator(long groupId) {
        long me = currentUser.requireId();
        administrators.requireAdministrator(me);
        ChatGroup group = records.requireGroup(groupId);
        delete(group, me);
        return group.getName();
    }

    void delete(ChatGroup group, long deletedBy) {
        long groupId = group.getId();
        Collection<Long> told = records.everyone(group);
        records.say(group, deletedBy, SystemLine.GROUP_DELETED, null, null);
        members.deleteAllInBatch(members.findByGroupId(groupId));
        conversation.removeEveryone(group.getConversationId());
        requests.deleteAllInBatch(requests.findByGroupId(groupId));
        bans.deleteAllInBatch(bans.findByGroupIdOrderByIdDesc(groupId));
        adminLog.deleteAllInBatch(adminLog.findByGroupId(groupId));
        avatars.findById(groupId).ifPresent(avatars::delete);
        muteCarries.deleteAllInBatch(muteCarries.findByGroupId(groupId));
        avatars.flush();
        groups.delete(group);
        groups.flush();
        events.publishEvent(new GroupChanged(
                groupId, group.getConversationId(), GroupChanged.Kind.REMOVED, null, new ArrayList<>(told)));
    }
}
