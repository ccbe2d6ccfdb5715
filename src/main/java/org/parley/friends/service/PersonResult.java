package org.parley.friends.service;

import org.parley.account.service.UserSummary;

/** A person as the signed-in user sees them; {@code requestId} is set for a pending request either way. */
public record PersonResult(UserSummary user, Relationship relationship, Long requestId) {}
