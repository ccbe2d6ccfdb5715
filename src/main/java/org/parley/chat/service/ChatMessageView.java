package org.parley.chat.service;

import java.io.Serializable;
import java.time.Instant;
import org.parley.account.service.UserSummary;

/**
 * A message as views show it: its sender already resolved, so no view queries per message. A system
 * line ({@code system}) is Parley's own note, such as "Ann joined"; {@code sender} is who caused it.
 * {@code attachment} is the file or picture a message carries (its body is then empty), else null. {@code state}
 * says whether it was edited, or recalled by its sender or removed by an administrator (its body is then empty).
 */
public record ChatMessageView(
        long id,
        long conversationId,
        UserSummary sender,
        String body,
        Instant sentAt,
        boolean system,
        AttachmentView attachment,
        State state)
        implements Serializable {

    public enum State {
        ORIGINAL,
        EDITED,
        RECALLED,
        REMOVED
    }

    /** A message as its sender wrote it. */
    public ChatMessageView(
            long id,
            long conversationId,
            UserSummary sender,
            String body,
            Instant sentAt,
            boolean system,
            AttachmentView attachment) {
        this(id, conversationId, sender, body, sentAt, system, attachment, State.ORIGINAL);
    }

    /** Recalled by its sender or removed by an administrator: its place stays, its content is gone. */
    public boolean gone() {
        return state == State.RECALLED || state == State.REMOVED;
    }
}
