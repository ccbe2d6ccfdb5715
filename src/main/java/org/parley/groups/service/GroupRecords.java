package org.parley.groups.service;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.parley.account.service.UserSummary;
import org.parley.account.service.internal.AccountDirectory;
import org.parley.base.service.InvalidInputException;
import org.parley.base.service.NotAllowedException;
import org.parley.base.service.Phrase;
import org.parley.chat.service.ConversationMembership;
import org.parley.chat.service.SystemLine;
import org.parley.groups.domain.ChatGroup;
import org.parley.groups.domain.ChatGroupRepository;
import org.parley.groups.domain.GroupAdminLogEntry;
import org.parley.groups.domain.GroupAdminLogEntry.Action;
import org.parley.groups.domain.GroupAdminLogRepository;
import org.parley.groups.domain.GroupMember;
import org.parley.groups.domain.GroupMember.Role;
import org.parley.groups.domain.GroupMemberRepository;
import org.parley.groups.domain.GroupMuteCarry;
import org.parley.groups.domain.GroupMuteCarryRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What the group services share: a group and a caller's place in it (refused when it is not theirs, by
 * {@link GroupRules}), members coming and going with their counts, the administrators' log, and telling members.
 * The services pass the caller in; nothing here is a door of its own.
 */
@Component
class GroupRecords {

    private final ChatGroupRepository groups;
    private final GroupMemberRepository members;
    private final GroupAdminLogRepository adminLog;
    private final GroupMuteCarryRepository muteCarries;
    private final ConversationMembership conversation;
    private final AccountDirectory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    GroupRecords(
            ChatGroupRepository groups,
            GroupMemberRepository members,
            GroupAdminLogRepository adminLog,
            GroupMuteCarryRepository muteCarries,
            ConversationMembership conversation,
            AccountDirectory directory,
            ApplicationEventPublisher events,
            Clock clock) {
        this.groups = groups;
        this.members = members;
        this.adminLog = adminLog;
        this.muteCarries = muteCarries;
        this.conversation = conversation;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    ChatGroup requireGroup(long groupId) {
        return groups.findById(groupId)
                .orElseThrow(() -> new NotAllowedException(Phrase.of("groups.refusal.group-not-found")));
    }

    GroupMember requireMember(long groupId, long userId) {
        return members.findByGroupIdAndUserId(groupId, userId)
                .orElseThrow(() -> new NotAllowedException(Phrase.of("groups.refusal.you-are-not-a-member-of")));
    }

    /** The caller's membership if they administer the group; locked when they are about to act. */
    GroupMember requireAdministrator(long groupId, long userId, boolean forUpdate) {
        var membership =
                forUpdate ? members.lockMembership(groupId, userId) : members.findByGroupIdAndUserId(groupId, userId);
        return membership
                .filter(GroupMember::isAdministrator)
                .orElseThrow(
                        () -> new NotAllowedException(Phrase.of("groups.refusal.only-the-group-s-administrators-can")));
    }

    GroupMember requireOwner(long groupId, long userId) {
        return members.lockMembership(groupId, userId)
                .filter(m -> m.getRole() == Role.OWNER)
                .orElseThrow(() -> new NotAllowedException(Phrase.of("groups.refusal.only-the-owner-of-the-group")));
    }

    /** The acting administrator may act on the target ({@link GroupRules#refusalToActOn}). */
    GroupMember requireActingOn(long groupId, long actorId, long targetId) {
        GroupMember actor = requireAdministrator(groupId, actorId, true);
        if (actorId == targetId) {
            throw new InvalidInputException(Phrase.of("groups.refusal.you-can-t-do-that-to"));
        }
        GroupMember target = requireListed(groupId, targetId);
        GroupRules.refusalToActOn(actor, target).ifPresent(refusal -> {
            throw new NotAllowedException(refusal);
        });
        return target;
    }

    /** Someone else's membership, which an act names. */
    GroupMember requireListed(long groupId, long userId) {
        return members.findByGroupIdAndUserId(groupId, userId)
                .orElseThrow(() -> new InvalidInputException(Phrase.of("groups.refusal.not-a-member", name(userId))));
    }

    /**
     * Counts first: that update locks the group's row, so people joining at once queue up here, before any
     * row referring to the group is written (on MariaDB such a write share-locks the group's row, and two
     * transactions then both upgrading to write it deadlock).
     */
    void enrol(ChatGroup group, long userId, Role role) {
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

    void drop(ChatGroup group, GroupMember membership) {
        groups.changeMemberCount(group.getId(), -1);
        group.membersChanged(-1);
        if (membership.isMutedAt(clock.instant())) {
            muteCarries.save(new GroupMuteCarry(
                    group.getId(), membership.getUserId(), membership.getMutedUntil(), membership.getMuteReason()));
        }
        members.delete(membership);
        conversation.remove(group.getConversationId(), membership.getUserId());
    }

    /**
     * The group passes from {@code owner} to {@code next} (any mute of theirs lifted); the owner stays on as an
     * administrator. Logged and said in the conversation; telling the members is the caller's.
     */
    void handOver(ChatGroup group, GroupMember owner, GroupMember next, long actorId) {
        next.setRole(Role.OWNER);
        next.unmute();
        owner.setRole(Role.ADMIN);
        log(group, actorId, next.getUserId(), Action.HAND_OVER, null);
        say(group, actorId, SystemLine.OWNER, next.getUserId(), null);
    }

    /** The member leaves the group: said in the conversation, and everyone who was in it hears. */
    void leave(ChatGroup group, GroupMember membership) {
        long leaving = membership.getUserId();
        Collection<Long> told = everyone(group);
        drop(group, membership);
        say(group, leaving, SystemLine.LEFT, null, leaving);
        publish(group, GroupChanged.Kind.REMOVED, leaving, told);
    }

    void log(ChatGroup group, long actorId, Long targetId, Action action, String reason) {
        adminLog.save(new GroupAdminLogEntry(group.getId(), actorId, targetId, action, reason, clock.instant()));
    }

    /** Logs a mute with its length ({@code null}: until lifted). */
    void logMute(ChatGroup group, long actorId, long targetId, Duration lasting, String reason) {
        adminLog.save(new GroupAdminLogEntry(group.getId(), actorId, targetId, Action.MUTE, reason, clock.instant())
                .lasting(lasting));
    }

    /** A line in the group's conversation, such as "Ann was muted": {@code subjectId} is whom it is about. */
    void say(ChatGroup group, long causedBy, SystemLine line, Long subjectId, Long alsoTell) {
        conversation.postSystemLine(group.getConversationId(), causedBy, line, subjectId, alsoTell);
    }

    Collection<Long> everyone(ChatGroup group) {
        return members.findByGroupId(group.getId()).stream()
                .map(GroupMember::getUserId)
                .toList();
    }

    Collection<Long> withAdmins(ChatGroup group, long userId) {
        Set<Long> recipients = new LinkedHashSet<>(members.administratorIds(group.getId()));
        recipients.add(userId);
        return recipients;
    }

    void publish(ChatGroup group, GroupChanged.Kind kind, Long subject, Collection<Long> recipients) {
        events.publishEvent(
                new GroupChanged(group.getId(), group.getConversationId(), kind, subject, new ArrayList<>(recipients)));
    }

    /** A person's name for a phrase. */
    Phrase name(long userId) {
        UserSummary user = directory.summaries(List.of(userId)).get(userId);
        return user == null ? Phrase.of("groups.someone") : user.shownName();
    }

    /**
     * A member as {@code viewer} sees them, with what the viewer may do to them. A mute that has ended is no
     * mute: it lifts itself without anybody writing to the database.
     */
    GroupMemberView view(GroupMember member, UserSummary user, GroupMember viewer) {
        boolean muted = member.isMutedAt(clock.instant());
        return new GroupMemberView(
                user,
                member.getRole(),
                muted ? member.getMutedUntil() : null,
                muted ? member.getMuteReason() : null,
                GroupRules.actionsOn(viewer, member, muted));
    }
}
