package org.parley.groups.service;

import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.account.service.UserSummary;
import org.parley.account.service.internal.AccountDirectory;
import org.parley.base.service.CurrentUser;
import org.parley.base.service.InvalidInputException;
import org.parley.base.service.NotAllowedException;
import org.parley.base.service.Phrase;
import org.parley.base.service.RateLimits;
import org.parley.base.service.TextRules;
import org.parley.chat.service.ConversationMembership;
import org.parley.chat.service.SystemLine;
import org.parley.groups.domain.ChatGroup;
import org.parley.groups.domain.ChatGroupRepository;
import org.parley.groups.domain.GroupAdminLogEntry.Action;
import org.parley.groups.domain.GroupBanRepository;
import org.parley.groups.domain.GroupJoinRequest;
import org.parley.groups.domain.GroupJoinRequestRepository;
import org.parley.groups.domain.GroupMember;
import org.parley.groups.domain.GroupMember.Role;
import org.parley.groups.domain.GroupMemberRepository;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Groups: creating, finding and deleting them, joining and leaving, and who is in one. Answering requests to join is
 * {@link GroupRequests}; what administrators do to members is {@link GroupModeration}; a group's settings are
 * {@link GroupSettings}; who may do what is {@link GroupRules}. Every rule is checked against the signed-in caller.
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
    private final GroupRecords records;
    private final GroupDeletion deletion;
    private final ConversationMembership conversation;
    private final AccountDirectory directory;
    private final CurrentUser currentUser;
    private final RateLimits limits;
    private final Clock clock;

    GroupService(
            ChatGroupRepository groups,
            GroupMemberRepository members,
            GroupJoinRequestRepository requests,
            GroupBanRepository bans,
            GroupRecords records,
            GroupDeletion deletion,
            ConversationMembership conversation,
            AccountDirectory directory,
            CurrentUser currentUser,
            RateLimits limits,
            Clock clock) {
        this.groups = groups;
        this.members = members;
        this.requests = requests;
        this.bans = bans;
        this.records = records;
        this.deletion = deletion;
        this.conversation = conversation;
        this.directory = directory;
        this.currentUser = currentUser;
        this.limits = limits;
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
        records.enrol(group, me, Role.OWNER);
        records.say(group, me, SystemLine.GROUP_CREATED, null, null);
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
        return GroupSummary.of(records.requireGroup(groupId));
    }

    /** The group behind a conversation, for members of it. */
    @Transactional(readOnly = true)
    public GroupSummary groupOfConversation(long conversationId) {
        long me = currentUser.requireId();
        ChatGroup group = groups.findByConversationId(conversationId)
                .orElseThrow(() -> new NotAllowedException(Phrase.of("groups.refusal.group-not-found")));
        records.requireMember(group.getId(), me);
        return GroupSummary.of(group);
    }

    /** The caller's own place in a group: role and mute. */
    @Transactional(readOnly = true)
    public GroupMemberView myMembership(long groupId) {
        long me = currentUser.requireId();
        GroupMember mine = records.requireMember(groupId, me);
        return records.view(mine, directory.summaries(List.of(me)).get(me), mine);
    }

    /** What the caller may do with the group as a whole ({@link GroupRules#powers}); members only. */
    @Transactional(readOnly = true)
    public GroupPowers myPowers(long groupId) {
        return GroupRules.powers(
                records.requireMember(groupId, currentUser.requireId()).getRole());
    }

    // --- Joining -------------------------------------------------------------------------------

    /**
     * Joins an open group at once, or asks to join one that needs approval (one pending request per person
     * and group). Groups by invitation only cannot be joined this way.
     */
    public Standing join(long groupId, String message) {
        long me = currentUser.requireId();
        ChatGroup group = records.requireGroup(groupId);
        if (bans.existsByGroupIdAndUserId(groupId, me)) {
            throw new NotAllowedException(Phrase.of("groups.refusal.you-are-banned", group.getName()));
        }
        if (members.findByGroupIdAndUserId(groupId, me).isPresent()) {
            return Standing.MEMBER;
        }
        switch (group.getJoinPolicy()) {
            case INVITATION ->
                throw new NotAllowedException(Phrase.of("groups.refusal.invitation-only", group.getName()));
            case OPEN -> {
                records.enrol(group, me, Role.MEMBER);
                records.say(group, me, SystemLine.JOINED, null, null);
                records.publish(group, GroupChanged.Kind.JOINED, me, records.everyone(group));
                return Standing.MEMBER;
            }
            default -> {
                String cleanMessage = TextRules.optionalText(message, "The message", MAX_MESSAGE_LENGTH);
                if (requests.findByPendingKey(GroupJoinRequest.pendingKey(groupId, me))
                        .isPresent()) {
                    throw new InvalidInputException(Phrase.of("groups.refusal.already-asked-wait", group.getName()));
                }
                try {
                    requests.saveAndFlush(new GroupJoinRequest(groupId, me, cleanMessage, clock.instant()));
                } catch (DataIntegrityViolationException askedTwiceAtOnce) {
                    throw new InvalidInputException(Phrase.of("groups.refusal.already-asked", group.getName()));
                }
                records.publish(group, GroupChanged.Kind.REQUESTS, me, records.withAdmins(group, me));
                return Standing.REQUEST_PENDING;
            }
        }
    }

    /** Leaves a group; the owner must hand it over first. */
    public void leave(long groupId) {
        long me = currentUser.requireId();
        ChatGroup group = records.requireGroup(groupId);
        GroupMember membership = records.requireMember(groupId, me);
        if (!GroupRules.powers(membership.getRole()).leave()) {
            throw new NotAllowedException(Phrase.of("groups.refusal.you-own-this-group-hand-it"));
        }
        records.leave(group, membership);
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

    // --- Membership by administrators -------------------------------------------------------------

    public void addMember(long groupId, long userId) {
        long me = currentUser.requireId();
        ChatGroup group = records.requireGroup(groupId);
        records.requireAdministrator(groupId, me, true);
        if (directory.summaries(List.of(userId)).isEmpty()) {
            throw new NotAllowedException(Phrase.of("groups.refusal.no-such-person"));
        }
        if (bans.existsByGroupIdAndUserId(groupId, userId)) {
            throw new NotAllowedException(Phrase.of("groups.refusal.banned-unban-first", records.name(userId)));
        }
        if (members.findByGroupIdAndUserId(groupId, userId).isPresent()) {
            throw new InvalidInputException(Phrase.of("groups.refusal.already-member", records.name(userId)));
        }
        requests.findByPendingKey(GroupJoinRequest.pendingKey(groupId, userId))
                .ifPresent(r -> r.decide(GroupJoinRequest.Status.APPROVED, me, null, clock.instant()));
        records.enrol(group, userId, Role.MEMBER);
        records.log(group, me, userId, Action.ADD, null);
        records.say(group, me, SystemLine.ADDED, userId, null);
        records.publish(group, GroupChanged.Kind.JOINED, userId, records.everyone(group));
    }

    /** The owner deletes the group (see {@link GroupDeletion}). */
    public void delete(long groupId) {
        deletion.deleteAsOwner(groupId);
    }

    /** Members, owner first, then administrators, then everyone else by name. Members only. */
    @Transactional(readOnly = true)
    public List<GroupMemberView> members(long groupId) {
        long me = currentUser.requireId();
        GroupMember mine = records.requireMember(groupId, me);
        List<GroupMember> all = members.findByGroupId(groupId);
        Map<Long, UserSummary> people =
                directory.summaries(all.stream().map(GroupMember::getUserId).toList());
        return all.stream()
                .map(m -> records.view(m, people.get(m.getUserId()), mine))
                .sorted(Comparator.comparing((GroupMemberView v) -> v.role().ordinal())
                        .thenComparing(v -> v.user().displayName(), String.CASE_INSENSITIVE_ORDER))
                .toList();
    }
}
