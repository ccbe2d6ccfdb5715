package org.parley.groups.service;

import java.util.List;
import java.util.Optional;
import org.parley.base.service.CurrentUser;
import org.parley.groups.domain.ChatGroup;
import org.parley.groups.domain.GroupMember;
import org.parley.groups.domain.GroupMember.Role;
import org.parley.groups.domain.GroupMemberRepository;
import org.springframework.data.domain.Limit;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person whose account is deleted leaves every group. A group they owned passes to its longest-serving
 * administrator, or else its longest-serving member, as if handed over; a group with nobody else in it is deleted.
 */
@Service
@PreAuthorize("isAuthenticated()")
@Transactional
public class GroupSuccession {

    private final GroupMemberRepository members;
    private final GroupRecords records;
    private final GroupDeletion deletion;
    private final CurrentUser currentUser;

    GroupSuccession(
            GroupMemberRepository members, GroupRecords records, GroupDeletion deletion, CurrentUser currentUser) {
        this.members = members;
        this.records = records;
        this.deletion = deletion;
        this.currentUser = currentUser;
    }

    /** The caller leaves every group of theirs (their account is being deleted). */
    public void leaveEveryGroupAsMyAccountIsDeleted() {
        long me = currentUser.requireId();
        for (GroupMember membership : members.findByUserId(me)) {
            ChatGroup group = records.requireGroup(membership.getGroupId());
            if (membership.getRole() == Role.OWNER) {
                Optional<GroupMember> heir = heir(group.getId(), me);
                if (heir.isEmpty()) {
                    deletion.delete(group, me);
                    continue;
                }
                records.handOver(group, membership, heir.get(), me);
            }
            records.leave(group, membership);
        }
    }

    private Optional<GroupMember> heir(long groupId, long leaving) {
        for (Role role : List.of(Role.ADMIN, Role.MEMBER)) {
            List<GroupMember> first = members.findByGroupIdAndRoleAndUserIdNotOrderByJoinedAtAscIdAsc(
                    groupId, role, leaving, Limit.of(1));
            if (!first.isEmpty()) {
                return Optional.of(first.getFirst());
            }
        }
        return Optional.empty();
    }
}
