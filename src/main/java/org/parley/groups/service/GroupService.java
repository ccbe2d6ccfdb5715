package org.parley.groups.service;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.parley.account.service.AvatarImages;
import org.parley.account.service.UserSummary;
import org.parley.account.service.internal.AccountDirectory;
import org.parley.base.service.CurrentUser;
import org.parley.base.service.EncodedPicture;
import org.parley.base.service.InvalidInputException;
import org.parley.base.service.NotAllowedException;
import org.parley.base.service.RateLimits;
import org.parley.base.service.TextRules;
import org.parley.chat.service.ConversationMembership;
import org.parley.groups.domain.ChatGroup;
import org.parley.groups.domain.ChatGroupRepository;
import org.parley.groups.domain.GroupAdminLogEntry;
import org.parley.groups.domain.GroupAdminLogEntry.Action;
import org.parley.groups.domain.GroupAdminLogRepository;
import org.parley.groups.domain.GroupAvatar;
import org.parley.groups.domain.GroupAvatarRepository;
import org.parley.groups.domain.GroupBan;
import org.parley.groups.domain.GroupBanRepository;
import org.parley.groups.domain.GroupJoinRequest;
import org.parley.groups.domain.GroupJoinRequestRepository;
import org.parley.groups.domain.GroupMember;
import org.parley.groups.domain.GroupMember.Role;
import org.parley.groups.domain.GroupMemberRepository;
import org.parley.groups.domain.GroupMuteCarry;
import org.parley.groups.domain.GroupMuteCarryRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Groups: creating and finding them, joining, and everything administrators do. Every rule is checked
 * here against the signed-in caller: administrators act on members only, the owner on anyone, nobody on
 * the owner; every administrative act is logged.
 */
@Service
// A safety net: each method still checks its caller (CurrentUser); a call with nobody signed in never gets in.
@PreAuthorize("isAuthenticated()")
@Transactional
public class GroupService {

    public static final int MAX_NAME_LENGTH = 64;
    public static final int MAX_DESCRIPTION_LENGTH = 500;
    public static final int MAX_MESSAGE_LENGTH = 500;
    public static final int MAX_REASON_LENGTH = 200;
    public static final int MAX_PAGE = 50;

    private final ChatGroupRepository groups;
    private final GroupMemberRepository members;
    private final GroupJoinRequestRepository requests;
    private final GroupBanRepository bans;
    private final GroupAdminLogRepository adminLog;
    private final ConversationMembership conversation;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final GroupAvatarRepository avatars;
    private final AvatarImages avatarImages;
    private final GroupMuteCarryRepository muteCarries;
    private final RateLimits limits;
    private final AccountDirectory directory;

    GroupService(
            ChatGroupRepository groups,
            GroupMemberRepository members,
            GroupJoinRequestRepository requests,
            GroupBanRepository bans,
            GroupAdminLogRepository adminLog,
            ConversationMembership conversation,
            CurrentUser currentUser,
            ApplicationEventPublisher events,
            Clock clock,
            GroupAvatarRepository avatars,
            AvatarImages avatarImages,
            GroupMuteCarryRepository muteCarries,
            RateLimits limits,
            AccountDirectory directory) {
        this.directory = directory;
        this.limits = limits;
        this.muteCarries = muteCarries;
        this.avatars = avatars;
        this.avatarImages = avatarImages;
        this.groups = groups;
        this.members = members;
        this.requests = requests;
        this.bans = bans;
        this.adminLog = adminLog;
        this.conversation = conversation;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    // --- Creating and finding ------------------------------------------------------------------

    /** Creates a group owned by the caller; approval is the default way in. */
    public GroupSummary create(String name, String description, ChatGroup.JoinPolicy policy) {
        long me = currentUser.requireId();
        String cleanName = TextRules.requireName(name, "A group name", MAX_NAME_LENGTH);
        String cleanDescription = TextRules.optionalText(description, "The description", MAX_DESCRIPTION_LENGTH);
        limits.groupsPerPerson().take(me);
        long conversationId = conversation.createGroupConversation();
        ChatGroup group = groups.save(new ChatGroup(
                cleanName,
                cleanDescription,
                policy == null ? ChatGroup.JoinPolicy.APPROVAL : policy,
                conversationId,
                clock.instant()));
        enrol(group, me, Role.OWNER);
        conversation.postSystemLine(conversationId, me, name(me) + " created the group", null);
        return GroupSummary.of(group);
    }

    /** Groups whose name or description contains the query, with where the caller stands; keyset paged. */
    @Transactional(readOnly = true)
    public List<GroupResult> search(String query, GroupSummary after, int limit) {
        long me = currentUser.requireId();
        if (TextRules.searchKey(query).isEmpty()) {
            return List.of();
        }
        String afterName = after == null ? "" : TextRules.searchKey(after.name());
        long afterId = after == null ? 0 : after.id();
        List<ChatGroup> found = groups.search(
                TextRules.containsPattern(query), afterName, afterId, Limit.of(Math.clamp(limit, 1, MAX_PAGE)));
        if (found.isEmpty()) {
            return List.of();
        }
        List<Long> ids = found.stream().map(ChatGroup::getId).toList();
        Set<Long> memberOf = new HashSet<>();
        members.findByUserIdAndGroupIdIn(me, ids).forEach(m -> memberOf.add(m.getGroupId()));
        Set<Long> bannedFrom = new HashSet<>();
        bans.findByUserIdAndGroupIdIn(me, ids).forEach(b -> bannedFrom.add(b.getGroupId()));
        Map<Long, Long> pending = new HashMap<>();
        requests.findByUserIdAndStatusAndGroupIdIn(me, GroupJoinRequest.Status.PENDING, ids)
                .forEach(r -> pending.put(r.getGroupId(), r.getId()));
        return found.stream()
                .map(g -> {
                    GroupSummary summary = GroupSummary.of(g);
                    if (memberOf.contains(g.getId())) {
                        return new GroupResult(summary, Standing.MEMBER, null);
                    }
                    if (bannedFrom.contains(g.getId())) {
                        return new GroupResult(summary, Standing.BANNED, null);
                    }
                    Long requestId = pending.get(g.getId());
                    return requestId != null
                            ? new GroupResult(summary, Standing.REQUEST_PENDING, requestId)
                            : new GroupResult(summary, Standing.NONE, null);
                })
                .toList();
    }

    @Transactional(readOnly = true)
    public GroupSummary group(long groupId) {
        currentUser.requireId();
        return GroupSummary.of(requireGroup(groupId));
    }

    /** The group behind a conversation, for members of it. */
    @Transactional(readOnly = true)
    public GroupSummary groupOfConversation(long conversationId) {
        long me = currentUser.requireId();
        ChatGroup group = groups.findByConversationId(conversationId)
                .orElseThrow(() -> new NotAllowedException("Group not found."));
        requireMember(group.getId(), me);
        return GroupSummary.of(group);
    }

    /** The caller's own place in a group: role and mute. */
    @Transactional(readOnly = true)
    public GroupMemberView myMembership(long groupId) {
        long me = currentUser.requireId();
        GroupMember mine = requireMember(groupId, me);
        return view(mine, directory.summaries(List.of(me)).get(me), mine);
    }

    /** What the caller may do with the group as a whole ({@link GroupRules#powers}); members only. */
    @Transactional(readOnly = true)
    public GroupPowers myPowers(long groupId) {
        return GroupRules.powers(requireMember(groupId, currentUser.requireId()).getRole());
    }

    // --- Joining -------------------------------------------------------------------------------

    /**
     * Joins an open group at once, or asks to join one that needs approval (one pending request per person
     * and group). Groups by invitation only cannot be joined this way.
     */
    public Standing join(long groupId, String message) {
        long me = currentUser.requireId();
        ChatGroup group = requireGroup(groupId);
        if (bans.existsByGroupIdAndUserId(groupId, me)) {
            throw new NotAllowedException("You are banned from " + group.getName() + ".");
        }
        if (members.findByGroupIdAndUserId(groupId, me).isPresent()) {
            return Standing.MEMBER;
        }
        switch (group.getJoinPolicy()) {
            case INVITATION ->
                throw new NotAllowedException(
                        group.getName() + " is by invitation only: an administrator has to add you.");
            case OPEN -> {
                enrol(group, me, Role.MEMBER);
                conversation.postSystemLine(group.getConversationId(), me, name(me) + " joined", null);
                publish(group, GroupChanged.Kind.JOINED, me, everyone(group));
                return Standing.MEMBER;
            }
            default -> {
                String cleanMessage = TextRules.optionalText(message, "The message", MAX_MESSAGE_LENGTH);
                if (requests.findByPendingKey(GroupJoinRequest.pendingKey(groupId, me))
                        .isPresent()) {
                    throw new InvalidInputException(
                            "You already asked to join " + group.getName() + ". An administrator will answer.");
                }
                try {
                    requests.saveAndFlush(new GroupJoinRequest(groupId, me, cleanMessage, clock.instant()));
                } catch (DataIntegrityViolationException askedTwiceAtOnce) {
                    throw new InvalidInputException("You already asked to join " + group.getName() + ".");
                }
                publish(group, GroupChanged.Kind.REQUESTS, me, withAdmins(group, me));
                return Standing.REQUEST_PENDING;
            }
        }
    }

    public void cancelJoinRequest(long requestId) {
        long me = currentUser.requireId();
        GroupJoinRequest request = requests.lockById(requestId)
                .filter(GroupJoinRequest::isPending)
                .filter(r -> r.getUserId() == me)
                .orElseThrow(() -> new NotAllowedException("That request no longer exists."));
        request.decide(GroupJoinRequest.Status.CANCELLED, me, null, clock.instant());
        ChatGroup group = requireGroup(request.getGroupId());
        publish(group, GroupChanged.Kind.REQUESTS, me, withAdmins(group, me));
    }

    /** Leaves a group; the owner must hand it over first. */
    public void leave(long groupId) {
        long me = currentUser.requireId();
        ChatGroup group = requireGroup(groupId);
        GroupMember membership = requireMember(groupId, me);
        if (!GroupRules.powers(membership.getRole()).leave()) {
            throw new NotAllowedException("You own this group: hand it over to another member before you leave.");
        }
        Collection<Long> told = everyone(group);
        drop(group, membership);
        conversation.postSystemLine(group.getConversationId(), me, name(me) + " left", me);
        publish(group, GroupChanged.Kind.REMOVED, me, told);
    }

    @Transactional(readOnly = true)
    public List<GroupSummary> myGroups() {
        long me = currentUser.requireId();
        List<Long> ids =
                members.findByUserId(me).stream().map(GroupMember::getGroupId).toList();
        return groups.findAllById(ids).stream()
                .map(GroupSummary::of)
                .sorted(Comparator.comparing(GroupSummary::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    // --- The request queue ---------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<JoinRequestView> pendingRequests(long groupId) {
        long me = currentUser.requireId();
        requireAdministrator(groupId, me, false);
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
        requireAdministrator(groupId, me, false);
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
        ChatGroup group = requireGroup(request.getGroupId());
        requireAdministrator(group.getId(), me, true);
        long requester = request.getUserId();
        if (bans.existsByGroupIdAndUserId(group.getId(), requester)) {
            throw new NotAllowedException(name(requester) + " is banned from this group. Unban them first.");
        }
        request.decide(GroupJoinRequest.Status.APPROVED, me, null, clock.instant());
        enrol(group, requester, Role.MEMBER);
        log(group, me, requester, Action.APPROVE, null);
        conversation.postSystemLine(group.getConversationId(), requester, name(requester) + " joined", null);
        publish(group, GroupChanged.Kind.JOINED, requester, everyone(group));
    }

    public void reject(long requestId, String reason) {
        long me = currentUser.requireId();
        GroupJoinRequest request = requirePendingRequest(requestId);
        ChatGroup group = requireGroup(request.getGroupId());
        requireAdministrator(group.getId(), me, true);
        String cleanReason = TextRules.optionalText(reason, "The reason", MAX_REASON_LENGTH);
        request.decide(GroupJoinRequest.Status.REJECTED, me, cleanReason, clock.instant());
        log(group, me, request.getUserId(), Action.REJECT, cleanReason);
        publish(group, GroupChanged.Kind.REJECTED, request.getUserId(), withAdmins(group, request.getUserId()));
    }

    // --- Administration --------------------------------------------------------------------------

    public void addMember(long groupId, long userId) {
        long me = currentUser.requireId();
        ChatGroup group = requireGroup(groupId);
        requireAdministrator(groupId, me, true);
        if (directory.summaries(List.of(userId)).isEmpty()) {
            throw new NotAllowedException("No such person.");
        }
        if (bans.existsByGroupIdAndUserId(groupId, userId)) {
            throw new NotAllowedException(name(userId) + " is banned from this group. Unban them first.");
        }
        if (members.findByGroupIdAndUserId(groupId, userId).isPresent()) {
            throw new InvalidInputException(name(userId) + " is already a member.");
        }
        requests.findByPendingKey(GroupJoinRequest.pendingKey(groupId, userId))
                .ifPresent(r -> r.decide(GroupJoinRequest.Status.APPROVED, me, null, clock.instant()));
        enrol(group, userId, Role.MEMBER);
        log(group, me, userId, Action.ADD, null);
        conversation.postSystemLine(group.getConversationId(), me, name(me) + " added " + name(userId), null);
        publish(group, GroupChanged.Kind.JOINED, userId, everyone(group));
    }

    public void removeMember(long groupId, long userId, String reason) {
        long me = currentUser.requireId();
        ChatGroup group = requireGroup(groupId);
        GroupMember target = requireActingOn(groupId, me, userId);
        String cleanReason = TextRules.optionalText(reason, "The reason", MAX_REASON_LENGTH);
        Collection<Long> told = everyone(group);
        drop(group, target);
        log(group, me, userId, Action.REMOVE, cleanReason);
        conversation.postSystemLine(group.getConversationId(), me, name(userId) + " was removed", userId);
        publish(group, GroupChanged.Kind.REMOVED, userId, told);
    }

    /** Mutes a member for a while, or until lifted when {@code duration} is null. */
    public void mute(long groupId, long userId, Duration duration, String reason) {
        long me = currentUser.requireId();
        ChatGroup group = requireGroup(groupId);
        GroupMember target = requireActingOn(groupId, me, userId);
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new InvalidInputException("A mute lasts a positive time, or until lifted.");
        }
        String cleanReason = TextRules.optionalText(reason, "The reason", MAX_REASON_LENGTH);
        target.mute(
                duration == null ? GroupMember.UNTIL_LIFTED : clock.instant().plus(duration), cleanReason);
        log(group, me, userId, Action.MUTE, cleanReason);
        conversation.postSystemLine(group.getConversationId(), me, name(userId) + " was muted", null);
        publish(group, GroupChanged.Kind.MUTED, userId, everyone(group));
    }

    public void unmute(long groupId, long userId) {
        long me = currentUser.requireId();
        ChatGroup group = requireGroup(groupId);
        GroupMember target = requireActingOn(groupId, me, userId);
        target.unmute();
        log(group, me, userId, Action.UNMUTE, null);
        conversation.postSystemLine(group.getConversationId(), me, name(userId) + " can speak again", null);
        publish(group, GroupChanged.Kind.UNMUTED, userId, everyone(group));
    }

    /** While the whole group is muted only administrators may speak. */
    public void muteAll(long groupId, boolean muted) {
        long me = currentUser.requireId();
        ChatGroup group = requireGroup(groupId);
        requireAdministrator(groupId, me, true);
        if (group.isMutedAll() == muted) {
            return;
        }
        group.setMutedAll(muted);
        log(group, me, null, muted ? Action.MUTE_ALL : Action.UNMUTE_ALL, null);
        conversation.postSystemLine(
                group.getConversationId(),
                me,
                muted ? name(me) + " muted the group: only administrators can write" : name(me) + " unmuted the group",
                null);
        publish(group, GroupChanged.Kind.SETTINGS, null, everyone(group));
    }

    /** Removes someone (if a member) and keeps them from coming back until unbanned. */
    public void ban(long groupId, long userId, String reason) {
        long me = currentUser.requireId();
        ChatGroup group = requireGroup(groupId);
        String cleanReason = TextRules.optionalText(reason, "The reason", MAX_REASON_LENGTH);
        Collection<Long> told = everyone(group);
        var membership = members.findByGroupIdAndUserId(groupId, userId);
        if (membership.isPresent()) {
            drop(group, requireActingOn(groupId, me, userId));
            conversation.postSystemLine(group.getConversationId(), me, name(userId) + " was removed", userId);
        } else {
            requireAdministrator(groupId, me, true);
            if (directory.summaries(List.of(userId)).isEmpty()) {
                throw new NotAllowedException("No such person.");
            }
        }
        if (bans.existsByGroupIdAndUserId(groupId, userId)) {
            return;
        }
        bans.save(new GroupBan(groupId, userId, me, cleanReason, clock.instant()));
        requests.findByPendingKey(GroupJoinRequest.pendingKey(groupId, userId))
                .ifPresent(r -> r.decide(GroupJoinRequest.Status.REJECTED, me, cleanReason, clock.instant()));
        log(group, me, userId, Action.BAN, cleanReason);
        Set<Long> recipients = new LinkedHashSet<>(told);
        recipients.add(userId);
        publish(group, GroupChanged.Kind.BANNED, userId, recipients);
    }

    public void unban(long groupId, long userId) {
        long me = currentUser.requireId();
        ChatGroup group = requireGroup(groupId);
        requireAdministrator(groupId, me, true);
        GroupBan ban = bans.findByGroupIdAndUserId(groupId, userId)
                .orElseThrow(() -> new InvalidInputException(name(userId) + " is not banned."));
        bans.delete(ban);
        log(group, me, userId, Action.UNBAN, null);
        publish(group, GroupChanged.Kind.SETTINGS, userId, withAdmins(group, userId));
    }

    @Transactional(readOnly = true)
    public List<UserSummary> bannedUsers(long groupId) {
        long me = currentUser.requireId();
        requireAdministrator(groupId, me, false);
        List<Long> ids = bans.findByGroupIdOrderByIdDesc(groupId).stream()
                .map(GroupBan::getUserId)
                .toList();
        Map<Long, UserSummary> people = directory.summaries(ids);
        return ids.stream().map(people::get).toList();
    }

    public void appoint(long groupId, long userId) {
        changeRole(groupId, userId, Role.MEMBER, Role.ADMIN, Action.APPOINT, " is now an administrator");
    }

    public void dismiss(long groupId, long userId) {
        changeRole(groupId, userId, Role.ADMIN, Role.MEMBER, Action.DISMISS, " is no longer an administrator");
    }

    /** The owner hands the group to another member and stays on as an administrator. */
    public void handOver(long groupId, long userId) {
        long me = currentUser.requireId();
        ChatGroup group = requireGroup(groupId);
        GroupMember owner = requireOwner(groupId, me);
        if (userId == me) {
            throw new InvalidInputException("You already own this group.");
        }
        GroupMember next = members.findByGroupIdAndUserId(groupId, userId)
                .orElseThrow(() -> new InvalidInputException(name(userId) + " is not a member."));
        next.setRole(Role.OWNER);
        next.unmute();
        owner.setRole(Role.ADMIN);
        log(group, me, userId, Action.HAND_OVER, null);
        conversation.postSystemLine(group.getConversationId(), me, name(userId) + " now owns the group", null);
        publish(group, GroupChanged.Kind.ROLES, userId, everyone(group));
    }

    /**
     * The owner deletes the group: everyone leaves it at once and it disappears from search. Its
     * conversation is kept, out of everyone's reach, so nothing written is silently destroyed.
     */
    public void delete(long groupId) {
        long me = currentUser.requireId();
        ChatGroup group = requireGroup(groupId);
        requireOwner(groupId, me);
        Collection<Long> told = everyone(group);
        conversation.postSystemLine(group.getConversationId(), me, name(me) + " deleted the group", null);
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

    /**
     * Sets the group's picture (administrators); checked and scaled like a user's avatar, from an upload of
     * {@code declaredBytes} (negative: unknown), streamed. The upload is read before the database is touched: a
     * slow one never holds a connection of the pool.
     */
    public GroupSummary changeAvatar(long groupId, InputStream upload, long declaredBytes) {
        long me = currentUser.requireId();
        EncodedPicture picture = avatarImages.normalize(upload, declaredBytes);
        ChatGroup group = requireGroup(groupId);
        requireAdministrator(groupId, me, true);
        avatars.findById(groupId)
                .ifPresentOrElse(
                        existing -> existing.replace(picture.contentType(), picture.data()),
                        () -> avatars.save(new GroupAvatar(groupId, picture.contentType(), picture.data())));
        group.avatarChanged(true);
        publish(group, GroupChanged.Kind.SETTINGS, null, everyone(group));
        return GroupSummary.of(group);
    }

    /** Any signed-in user may see a group's picture: groups are shown in search. */
    @Transactional(readOnly = true)
    public Optional<EncodedPicture> avatar(long groupId) {
        currentUser.requireId();
        return avatars.findById(groupId).map(a -> new EncodedPicture(a.getContentType(), a.getData()));
    }

    public void setJoinPolicy(long groupId, ChatGroup.JoinPolicy policy) {
        long me = currentUser.requireId();
        if (policy == null) {
            throw new InvalidInputException("Choose who can join: open, approval or invitation only.");
        }
        ChatGroup group = requireGroup(groupId);
        requireAdministrator(groupId, me, true);
        group.setJoinPolicy(policy);
        publish(group, GroupChanged.Kind.SETTINGS, null, everyone(group));
    }

    /**
     * Whether members may start temporary conversations with each other. Switched off, existing ones stop
     * accepting messages unless the two share another group that allows them (or are friends).
     */
    public void setTemporaryChatsAllowed(long groupId, boolean allowed) {
        long me = currentUser.requireId();
        ChatGroup group = requireGroup(groupId);
        requireAdministrator(groupId, me, true);
        if (group.isTemporaryChatsAllowed() == allowed) {
            return;
        }
        group.setTemporaryChatsAllowed(allowed);
        log(group, me, null, allowed ? Action.ALLOW_TEMPORARY_CHATS : Action.FORBID_TEMPORARY_CHATS, null);
        publish(group, GroupChanged.Kind.SETTINGS, null, everyone(group));
    }

    /** Members, owner first, then administrators, then everyone else by name. Members only. */
    @Transactional(readOnly = true)
    public List<GroupMemberView> members(long groupId) {
        long me = currentUser.requireId();
        GroupMember mine = requireMember(groupId, me);
        List<GroupMember> all = members.findByGroupId(groupId);
        Map<Long, UserSummary> people =
                directory.summaries(all.stream().map(GroupMember::getUserId).toList());
        return all.stream()
                .map(m -> view(m, people.get(m.getUserId()), mine))
                .sorted(Comparator.comparing((GroupMemberView v) -> v.role().ordinal())
                        .thenComparing(v -> v.user().displayName(), String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** The administrative log, newest first, keyset paged; administrators only. */
    @Transactional(readOnly = true)
    public List<AdminLogView> adminLog(long groupId, Long beforeId, int limit) {
        long me = currentUser.requireId();
        requireAdministrator(groupId, me, false);
        List<GroupAdminLogEntry> entries = adminLog.page(
                groupId, beforeId == null ? Long.MAX_VALUE : beforeId, Limit.of(Math.clamp(limit, 1, MAX_PAGE)));
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
                        e.getCreatedAt()))
                .toList();
    }

    // --- Rules -------------------------------------------------------------------------------------

    private void changeRole(long groupId, long userId, Role from, Role to, Action action, String line) {
        long me = currentUser.requireId();
        ChatGroup group = requireGroup(groupId);
        requireOwner(groupId, me);
        GroupMember target = members.findByGroupIdAndUserId(groupId, userId)
                .orElseThrow(() -> new InvalidInputException(name(userId) + " is not a member."));
        if (target.getRole() != from) {
            throw new InvalidInputException(name(userId)
                    + (from == Role.MEMBER ? " is already an administrator." : " is not an administrator."));
        }
        target.setRole(to);
        log(group, me, userId, action, null);
        conversation.postSystemLine(group.getConversationId(), me, name(userId) + line, null);
        publish(group, GroupChanged.Kind.ROLES, userId, everyone(group));
    }

    /** The acting administrator may act on the target ({@link GroupRules#refusalToActOn}). */
    private GroupMember requireActingOn(long groupId, long actorId, long targetId) {
        GroupMember actor = requireAdministrator(groupId, actorId, true);
        if (actorId == targetId) {
            throw new InvalidInputException("You can't do that to yourself.");
        }
        GroupMember target = members.findByGroupIdAndUserId(groupId, targetId)
                .orElseThrow(() -> new InvalidInputException(name(targetId) + " is not a member."));
        GroupRules.refusalToActOn(actor, target).ifPresent(refusal -> {
            throw new NotAllowedException(refusal);
        });
        return target;
    }

    /** The caller's membership if they administer the group; locked when they are about to act. */
    private GroupMember requireAdministrator(long groupId, long userId, boolean forUpdate) {
        var membership =
                forUpdate ? members.lockMembership(groupId, userId) : members.findByGroupIdAndUserId(groupId, userId);
        return membership
                .filter(GroupMember::isAdministrator)
                .orElseThrow(() -> new NotAllowedException("Only the group's administrators can do that."));
    }

    private GroupMember requireOwner(long groupId, long userId) {
        return members.lockMembership(groupId, userId)
                .filter(m -> m.getRole() == Role.OWNER)
                .orElseThrow(() -> new NotAllowedException("Only the owner of the group can do that."));
    }

    private GroupMember requireMember(long groupId, long userId) {
        return members.findByGroupIdAndUserId(groupId, userId)
                .orElseThrow(() -> new NotAllowedException("You are not a member of this group."));
    }

    private ChatGroup requireGroup(long groupId) {
        return groups.findById(groupId).orElseThrow(() -> new NotAllowedException("Group not found."));
    }

    /** The request, locked until the answer commits: whoever answers second finds it answered. */
    private GroupJoinRequest requirePendingRequest(long requestId) {
        return requests.lockById(requestId)
                .filter(GroupJoinRequest::isPending)
                .orElseThrow(() -> new NotAllowedException("That request was already answered."));
    }

    /**
     * Counts first: that update locks the group's row, so people joining at once queue up here, before any
     * row referring to the group is written (on MariaDB such a write share-locks the group's row, and two
     * transactions then both upgrading to write it deadlock).
     */
    private void enrol(ChatGroup group, long userId, Role role) {
        groups.changeMemberCount(group.getId(), 1);
        group.membersChanged(1);
        GroupMember member = new GroupMember(group.getId(), userId, role, clock.instant());
        // Coming back does not lift a mute that has not ended.
        var carried = muteCarries.findById(new GroupMuteCarry.Key(group.getId(), userId));
        carried.filter(c -> c.getMutedUntil().isAfter(clock.instant()))
                .ifPresent(c -> member.mute(c.getMutedUntil(), c.getMuteReason()));
        carried.ifPresent(muteCarries::delete);
        members.save(member);
        conversation.add(group.getConversationId(), userId);
    }

    private void drop(ChatGroup group, GroupMember membership) {
        groups.changeMemberCount(group.getId(), -1);
        group.membersChanged(-1);
        if (membership.isMutedAt(clock.instant())) {
            muteCarries.save(new GroupMuteCarry(
                    group.getId(), membership.getUserId(), membership.getMutedUntil(), membership.getMuteReason()));
        }
        members.delete(membership);
        conversation.remove(group.getConversationId(), membership.getUserId());
    }

    private void log(ChatGroup group, long actorId, Long targetId, Action action, String reason) {
        adminLog.save(new GroupAdminLogEntry(group.getId(), actorId, targetId, action, reason, clock.instant()));
    }

    private Collection<Long> everyone(ChatGroup group) {
        return members.findByGroupId(group.getId()).stream()
                .map(GroupMember::getUserId)
                .toList();
    }

    private Collection<Long> withAdmins(ChatGroup group, long userId) {
        Set<Long> recipients = new LinkedHashSet<>(members.administratorIds(group.getId()));
        recipients.add(userId);
        return recipients;
    }

    private void publish(ChatGroup group, GroupChanged.Kind kind, Long subject, Collection<Long> recipients) {
        events.publishEvent(
                new GroupChanged(group.getId(), group.getConversationId(), kind, subject, new ArrayList<>(recipients)));
    }

    private String name(long userId) {
        UserSummary user = directory.summaries(List.of(userId)).get(userId);
        return user == null ? "Someone" : user.displayName();
    }

    /** A mute that has ended is no mute: it lifts itself without anybody writing to the database. */
    /** A member as {@code viewer} sees them, with what the viewer may do to them. */
    private GroupMemberView view(GroupMember member, UserSummary user, GroupMember viewer) {
        boolean muted = member.isMutedAt(clock.instant());
        return new GroupMemberView(
                user,
                member.getRole(),
                muted ? member.getMutedUntil() : null,
                muted ? member.getMuteReason() : null,
                GroupRules.actionsOn(viewer, member, muted));
    }
}
