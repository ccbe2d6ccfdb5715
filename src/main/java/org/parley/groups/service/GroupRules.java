package org.parley.groups.service;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.parley.base.service.Phrase;
import org.parley.groups.domain.GroupMember;
import org.parley.groups.domain.GroupMember.Role;

/**
 * Who may do what in a group, decided here only: {@link GroupService} refuses by these rules, and tells views what
 * they allow ({@link GroupMemberView#callerMay()}, {@link GroupPowers}) so that views never decide for themselves.
 */
final class GroupRules {

    private GroupRules() {}

    static GroupPowers powers(Role role) {
        return new GroupPowers(role != Role.MEMBER, role != Role.OWNER, role == Role.OWNER);
    }

    /**
     * Why {@code actor} may not mute, remove or ban {@code target}, or empty when they may: the owner acts on
     * anyone else, an administrator on plain members only, nobody on the owner or on themselves.
     */
    static Optional<Phrase> refusalToActOn(GroupMember actor, GroupMember target) {
        if (actor.getRole() == Role.MEMBER) {
            return Optional.of(Phrase.of("groups.refusal.only-the-group-s-administrators-can"));
        }
        if (actor.getUserId().equals(target.getUserId())) {
            return Optional.of(Phrase.of("groups.refusal.you-can-t-do-that-to"));
        }
        if (target.getRole() == Role.OWNER) {
            return Optional.of(Phrase.of("groups.refusal.not-to-owner"));
        }
        if (target.getRole() == Role.ADMIN && actor.getRole() != Role.OWNER) {
            return Optional.of(Phrase.of("groups.refusal.only-owner-to-admin"));
        }
        return Optional.empty();
    }

    /** Everything {@code actor} may do to {@code target} now ({@code targetMuted}: muted at this moment). */
    static Set<MemberAction> actionsOn(GroupMember actor, GroupMember target, boolean targetMuted) {
        Set<MemberAction> allowed = EnumSet.noneOf(MemberAction.class);
        if (refusalToActOn(actor, target).isPresent()) {
            return allowed;
        }
        allowed.add(targetMuted ? MemberAction.UNMUTE : MemberAction.MUTE);
        allowed.add(MemberAction.REMOVE);
        allowed.add(MemberAction.BAN);
        if (actor.getRole() == Role.OWNER) {
            allowed.add(target.getRole() == Role.MEMBER ? MemberAction.APPOINT : MemberAction.DISMISS);
            allowed.add(MemberAction.HAND_OVER);
        }
        return allowed;
    }
}
