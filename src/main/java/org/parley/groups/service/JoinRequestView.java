package org.parley.groups.service;

import java.time.Instant;
import org.parley.account.service.UserSummary;

public record JoinRequestView(long id, long groupId, UserSummary requester, String message, Instant sentAt) {}
