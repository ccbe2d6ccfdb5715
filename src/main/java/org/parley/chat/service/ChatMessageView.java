package org.parley.chat.service;

import java.io.Serializable;
import java.time.Instant;
import org.parley.account.service.UserSummary;

/**
 * A message as views show it: its sender already resolved, so no view queries per message. A system
 * line ({@code system}) is Parley's own note, such as "Ann joined"; {@code sender} is who caused it.
 * {@code attachment} is the file or picture a message carries (its body is then empty), else null.
 */
public record ChatMessageView(
        long id,
        long conversationId,
        UserSummary sender,
        String body,
        Instant sentAt,
        boolean system,
        AttachmentView attachment)
        implements Serializable {}
