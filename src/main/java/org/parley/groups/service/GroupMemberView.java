package org.parley.groups.service;

import java.time.Instant;
import java.util.Set;
import org.parley.account.service.UserSummary;
import org.parley.groups.domain.GroupMember;

/**
 * A member as the member list shows them to the caller; {@code mutedUntil} is null when not muted now, and
 * {@code callerMay} is what the caller may do to this member (empty for most callers, and for themselves).
 */
public record GroupMemberView(
        UserSummary user, GroupMember.Role role, Instant mutedUntil, String muteReason, Set<MemberAction> callerMay) {
    public boolean mutedUntilLifted() {
        return GroupMember.UNTIL_LIFTED.equals(mutedUntil);
    }
}
