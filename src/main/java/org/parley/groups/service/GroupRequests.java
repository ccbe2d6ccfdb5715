package org.parley.groups.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.parley.account.service.UserSummary;
import org.parley.account.service.internal.AccountDirectory;
import org.parley.base.service.CurrentUser;
import org.parley.base.service.NotAllowedException;
import org.parley.base.service.Phrase;
import org.parley.base.service.TextRules;
import org.parley.chat.service.SystemLine;
import org.parley.groups.domain.ChatGroup;
import org.parley.groups.domain.GroupAdminLogEntry.Action;
import org.parley.groups.domain.GroupBanRepository;
import org.parley.groups.domain.GroupJoinRequest;
import org.parley.groups.domain.GroupJoinRequestRepository;
import org.parley.groups.domain.GroupMember.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A group's queue of requests to join: the requester may withdraw one, administrators see the queue and answer it.
 * Asking is {@link GroupService#join}. Every rule is checked against the signed-in caller.
 */
@Service
// A safety net: each method still checks its caller (CurrentUser); a call with nobody signed in never gets in.
@PreAuthorize("isAuthenticated()")
@Transactional
public class GroupRequests {

    private final GroupJoinRequestRepository requests;
    private final GroupBanRepository bans;
    private final GroupRecords records;
    private final AccountDirectory directory;
    private final CurrentUser currentUser;
    private final Clock clock;

    GroupRequests(
            GroupJoinRequestRepository requests,
            GroupBanRepository bans,
            GroupRecords records,
            AccountDirectory directory,
            CurrentUser currentUser,
            Clock clock) {
        this.requests = requests;
        this.bans = bans;
        this.records = records;
        this.directory = directory;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The requester withdraws their own pending request. */
    public void cancelJoinRequest(long requestId) {
        long me = currentUser.requireId();
        GroupJoinRequest request = requests.lockById(requestId)
                .filter(GroupJoinRequest::isPending)
                .filter(r -> r.getUserId() == me)
                .orElseThrow(() -> new NotAllowedException(Phrase.of("groups.refusal.that-request-no-longer-exists")));
        request.decide(GroupJoinRequest.Status.CANCELLED, me, null, clock.instant());
        ChatGroup group = records.requireGroup(request.getGroupId());
        records.publish(group, GroupChanged.Kind.REQUESTS, me, records.withAdmins(group, me));
    }

    @Transactional(readOnly = true)
    public List<JoinRequestView> pendingRequests(long groupId) {
        long me = currentUser.requireId();
        records.requireAdministrator(groupId, me, false);
        List<GroupJoinRequest> pending =
                requests.findByGroupIdAndStatusOrderByIdAsc(groupId, GroupJoinRequest.Status.PENDING);
        Map<Long, UserSummary> people = directory.summaries(
                pending.stream().map(GroupJoinRequest::getUserId).toList());
        return pending.stream()
                .map(r -> new JoinRequestView(
                        r.getId(), groupId, people.get(r.getUserId()), r.getMessage(), r.getCreatedAt()))
                .toList();
    }

    @Transactional(readOnly = true)
    public long pendingRequestCount(long groupId) {
        long me = currentUser.requireId();
        records.requireAdministrator(groupId, me, false);
        return requests.countByGroupIdAndStatus(groupId, GroupJoinRequest.Status.PENDING);
    }

    /** Join requests waiting in all the groups the caller administers. */
    @Transactional(readOnly = true)
    public long pendingRequestsForMe() {
        return requests.countPendingForAdministrator(currentUser.requireId());
    }

    public void approve(long requestId) {
        long me = currentUser.requireId();
        GroupJoinRequest request = requirePendingRequest(requestId);
        ChatGroup group = records.requireGroup(request.getGroupId());
        records.requireAdministrator(group.getId(), me, true);
        long requester = request.getUserId();
        if (bans.existsByGroupIdAndUserId(group.getId(), requester)) {
            throw new NotAllowedException(Phrase.of("groups.refusal.banned-unban-first", records.name(requester)));
        }
        request.decide(GroupJoinRequest.Status.APPROVED, me, null, clock.instant());
        records.enrol(group, requester, Role.MEMBER);
        records.log(group, me, requester, Action.APPROVE, null);
        records.say(group, requester, SystemLine.JOINED, null, null);
        records.publish(group, GroupChanged.Kind.JOINED, requester, records.everyone(group));
    }

    public void reject(long requestId, String reason) {
        long me = currentUser.requireId();
        GroupJoinRequest request = requirePendingRequest(requestId);
        ChatGroup group = records.requireGroup(request.getGroupId());
        records.requireAdministrator(group.getId(), me, true);
        String cleanReason = TextRules.optionalText(reason, "The reason", GroupService.MAX_REASON_LENGTH);
        request.decide(GroupJoinRequest.Status.REJECTED, me, cleanReason, clock.instant());
        records.log(group, me, request.getUserId(), Action.REJECT, cleanReason);
        records.publish(
                group, GroupChanged.Kind.REJECTED, request.getUserId(), records.withAdmins(group, request.getUserId()));
    }

    /** The request, locked until the answer commits: whoever answers second finds it answered. */
    private GroupJoinRequest requirePendingRequest(long requestId) {
        return requests.lockById(requestId)
                .filter(GroupJoinRequest::isPending)
                .orElseThrow(
                        () -> new NotAllowedException(Phrase.of("groups.refusal.that-request-was-already-answered")));
    }
}
