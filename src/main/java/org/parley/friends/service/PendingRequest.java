package org.parley.friends.service;

import java.time.Instant;
import org.parley.account.service.UserSummary;

/** A pending friend request; {@code other} is the person on the other side from the viewer. */
public record PendingRequest(long id, UserSummary other, String note, Instant sentAt, boolean incoming) {}
