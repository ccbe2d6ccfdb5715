package org.parley.chat.service;

import java.time.Instant;
import org.parley.account.service.UserSummary;

/** A message as views show it: its sender already resolved, so no view queries per message. */
public record ChatMessageView(long id, long conversationId, UserSummary sender, String body, Instant sentAt) {
}
