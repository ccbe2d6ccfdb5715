package org.parley.groups.service;

import java.time.Instant;
import org.parley.account.service.UserSummary;
import org.parley.groups.domain.GroupAdminLogEntry;

/** One line of a group's administrative log; {@code target} is null for acts on the whole group. */
public record AdminLogView(
        long id, UserSummary actor, UserSummary target, GroupAdminLogEntry.Action action, String reason, Instant at) {}
