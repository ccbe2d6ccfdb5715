package org.parley.groups.service;

import java.time.Instant;
import org.parley.account.service.UserSummary;
import org.parley.groups.domain.GroupMember;

/** A member as the member list shows them; {@code mutedUntil} is null when not muted now. */
public record GroupMemberView(UserSummary user, GroupMember.Role role, Instant mutedUntil, String muteReason) {
    public boolean mutedUntilLifted() {
        return GroupMember.UNTIL_LIFTED.equals(mutedUntil);
    }
}
