package org.parley.groups.service;

import java.time.Duration;
import java.time.Instant;
import org.parley.account.service.UserSummary;
import org.parley.groups.domain.GroupAdminLogEntry;

/**
 * One line of a group's administrative log; {@code target} is null for acts on the whole group. {@code lasting}: a
 * mute's length ({@code ChronoUnit.FOREVER}'s when until lifted), null for other acts and for mutes logged before
 * lengths were kept.
 */
public record AdminLogView(
        long id,
        UserSummary actor,
        UserSummary target,
        GroupAdminLogEntry.Action action,
        String reason,
        Duration lasting,
        Instant at) {}
