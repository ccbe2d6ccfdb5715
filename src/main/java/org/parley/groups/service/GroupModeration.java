package org.parley.groups.service;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.account.service.UserSummary;
import org.parley.account.service.internal.AccountDirectory;
import org.parley.base.service.CurrentUser;
import org.parley.base.service.InvalidInputException;
import org.parley.base.service.NotAllowedException;
import org.parley.base.service.Phrase;
import org.parley.base.service.TextRules;
import org.parley.chat.service.SystemLine;
import org.parley.groups.domain.ChatGroup;
import org.parley.groups.domain.GroupAdminLogEntry;
import org.parley.groups.domain.GroupAdminLogEntry.Action;
import org.parley.groups.domain.GroupAdminLogRepository;
import org.parley.groups.domain.GroupBan;
import org.parley.groups.domain.GroupBanRepository;
import org.parley.groups.domain.GroupJoinRequest;
import org.parley.groups.domain.GroupJoinRequestRepository;
import org.parley.groups.domain.GroupMember;
import org.parley.groups.domain.GroupMember.Role;
import org.parley.groups.domain.GroupMemberRepository;
import org.springframework.data.domain.Limit;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What administrators do to members: remove, mute, ban, appoint and dismiss administrators, hand the group over,
 * and the log that records every such act. Who may act on whom is {@link GroupRules}: administrators on plain
 * members, the owner on anyone else, nobody on the owner.
 */
@Service
// A safety net: each method still checks its caller (CurrentUser); a call with nobody signed in never gets in.
@PreAuthorize("isAuthenticated()")
@Transactional
public class GroupModeration {

    private final GroupRecords records;
    private final GroupMemberRepository members;
    private final GroupBanRepository bans;
    private final GroupJoinRequestRepository requests;
    private final GroupAdminLogRepository adminLog;
    private final AccountDirectory directory;
    private final CurrentUser currentUser;
    private final Clock clock;

    GroupModeration(
            GroupRecords records,
            GroupMemberRepository members,
            GroupBanRepository bans,
            GroupJoinRequestRepository requests,
            GroupAdminLogRepository adminLog,
            AccountDirectory directory,
            CurrentUser currentUser,
            Clock clock) {
        this.records = records;
        this.members = members;
        this.bans = bans;
        this.requests = requests;
        this.adminLog = adminLog;
        this.directory = directory;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    public void removeMember(long groupId, long userId, String reason) {
        long me = currentUser.requireId();
        ChatGroup group = records.requireGroup(groupId);
        GroupMember target = records.requireActingOn(groupId, me, userId);
        String cleanReason = reason(reason);
        Collection<Long> told = records.everyone(group);
        records.drop(group, target);
        records.log(group, me, userId, Action.REMOVE, cleanReason);
        records.say(group, me, SystemLine.REMOVED, userId, userId);
        records.publish(group, GroupChanged.Kind.REMOVED, userId, told);
    }

    /** Mutes a member for a while, or until lifted when {@code duration} is null. */
    public void mute(long groupId, long userId, Duration duration, String reason) {
        long me = currentUser.requireId();
        ChatGroup group = records.requireGroup(groupId);
        GroupMember target = records.requireActingOn(groupId, me, userId);
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new InvalidInputException(Phrase.of("groups.refusal.a-mute-lasts-a-positive-time"));
        }
        String cleanReason = reason(reason);
        target.mute(
                duration == null ? GroupMember.UNTIL_LIFTED : clock.instant().plus(duration), cleanReason);
        records.logMute(group, me, userId, duration, cleanReason);
        records.say(group, me, SystemLine.MUTED, userId, null);
        records.publish(group, GroupChanged.Kind.MUTED, userId, records.everyone(group));
    }

    public void unmute(long groupId, long userId) {
        long me = currentUser.requireId();
        ChatGroup group = records.requireGroup(groupId);
        GroupMember target = records.requireActingOn(groupId, me, userId);
        target.unmute();
        records.log(group, me, userId, Action.UNMUTE, null);
        records.say(group, me, SystemLine.UNMUTED, userId, null);
        records.publish(group, GroupChanged.Kind.UNMUTED, userId, records.everyone(group));
    }

    /** Removes someone (if a member) and keeps them from coming back until unbanned. */
    public void ban(long groupId, long userId, String reason) {
        long me = currentUser.requireId();
        ChatGroup group = records.requireGroup(groupId);
        String cleanReason = reason(reason);
        Collection<Long> told = records.everyone(group);
        if (members.findByGroupIdAndUserId(groupId, userId).isPresent()) {
            records.drop(group, records.requireActingOn(groupId, me, userId));
            records.say(group, me, SystemLine.REMOVED, userId, userId);
        } else {
            records.requireAdministrator(groupId, me, true);
            if (directory.summaries(List.of(userId)).isEmpty()) {
                throw new NotAllowedException(Phrase.of("groups.refusal.no-such-person"));
            }
        }
        if (bans.existsByGroupIdAndUserId(groupId, userId)) {
            return;
        }
        bans.save(new GroupBan(groupId, userId, me, cleanReason, clock.instant()));
        requests.findByPendingKey(GroupJoinRequest.pendingKey(groupId, userId))
                .ifPresent(r -> r.decide(GroupJoinRequest.Status.REJECTED, me, cleanReason, clock.instant()));
        records.log(group, me, userId, Action.BAN, cleanReason);
        Set<Long> recipients = new LinkedHashSet<>(told);
        recipients.add(userId);
        records.publish(group, GroupChanged.Kind.BANNED, userId, recipients);
    }

    public void unban(long groupId, long userId) {
        long me = currentUser.requireId();
        ChatGroup group = records.requireGroup(groupId);
        records.requireAdministrator(groupId, me, true);
        GroupBan ban = bans.findByGroupIdAndUserId(groupId, userId)
                .orElseThrow(
                        () -> new InvalidInputException(Phrase.of("groups.refusal.not-banned", records.name(userId))));
        bans.delete(ban);
        records.log(group, me, userId, Action.UNBAN, null);
        records.publish(group, GroupChanged.Kind.SETTINGS, userId, records.withAdmins(group, userId));
    }

    @Transactional(readOnly = true)
    public List<UserSummary> bannedUsers(long groupId) {
        long me = currentUser.requireId();
        records.requireAdministrator(groupId, me, false);
        List<Long> ids = bans.findByGroupIdOrderByIdDesc(groupId).stream()
                .map(GroupBan::getUserId)
                .toList();
        Map<Long, UserSummary> people = directory.summaries(ids);
        return ids.stream().map(people::get).toList();
    }

    public void appoint(long groupId, long userId) {
        changeRole(groupId, userId, Role.MEMBER, Role.ADMIN, Action.APPOINT, SystemLine.ADMIN);
    }

    public void dismiss(long groupId, long userId) {
        changeRole(groupId, userId, Role.ADMIN, Role.MEMBER, Action.DISMISS, SystemLine.NOT_ADMIN);
    }

    /** The owner hands the group to another member and stays on as an administrator. */
    public void handOver(long groupId, long userId) {
        long me = currentUser.requireId();
        ChatGroup group = records.requireGroup(groupId);
        GroupMember owner = records.requireOwner(groupId, me);
        if (userId == me) {
            throw new InvalidInputException(Phrase.of("groups.refusal.you-already-own-this-group"));
        }
        GroupMember next = records.requireListed(groupId, userId);
        records.handOver(group, owner, next, me);
        records.publish(group, GroupChanged.Kind.ROLES, userId, records.everyone(group));
    }

    /** The administrative log, newest first, keyset paged; administrators only. */
    @Transactional(readOnly = true)
    public List<AdminLogView> adminLog(long groupId, Long beforeId, int limit) {
        long me = currentUser.requireId();
        records.requireAdministrator(groupId, me, false);
        List<GroupAdminLogEntry> entries = adminLog.page(
                groupId,
                beforeId == null ? Long.MAX_VALUE : beforeId,
                Limit.of(Math.clamp(limit, 1, GroupService.MAX_PAGE)));
        Set<Long> ids = new HashSet<>();
        entries.forEach(e -> {
            ids.add(e.getActorId());
            if (e.getTargetId() != null) {
                ids.add(e.getTargetId());
            }
        });
        Map<Long, UserSummary> people = directory.summaries(ids);
        return entries.stream()
                .map(e -> new AdminLogView(
                        e.getId(),
                        people.get(e.getActorId()),
                        e.getTargetId() == null ? null : people.get(e.getTargetId()),
                        e.getAction(),
                        e.getReason(),
                        e.getLasting(),
                        e.getCreatedAt()))
                .toList();
    }

    private void changeRole(long groupId, long userId, Role from, Role to, Action action, SystemLine line) {
        long me = currentUser.requireId();
        ChatGroup group = records.requireGroup(groupId);
        records.requireOwner(groupId, me);
        GroupMember target = records.requireListed(groupId, userId);
        if (target.getRole() != from) {
            throw new InvalidInputException(Phrase.of(
                    from == Role.MEMBER ? "groups.refusal.already-admin" : "groups.refusal.not-admin",
                    records.name(userId)));
        }
        target.setRole(to);
        records.log(group, me, userId, action, null);
        records.say(group, me, line, userId, null);
        records.publish(group, GroupChanged.Kind.ROLES, userId, records.everyone(group));
    }

    private static String reason(String reason) {
        return TextRules.optionalText(reason, "The reason", GroupService.MAX_REASON_LENGTH);
    }
}
