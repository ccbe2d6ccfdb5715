package org.parley.chat.service;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.parley.account.service.UserSummary;
import org.parley.base.service.Phrase;

/**
 * A message as views show it: its sender already resolved, so no view queries per message. A system
 * line ({@code system}) is Parley's own note, such as "Ann joined"; {@code sender} is who caused it.
 * {@code attachment} is the file or picture a message carries (its body is then empty), else null. {@code state}
 * says whether it was edited, or recalled by its sender or removed by an administrator (its body is then empty).
 * {@code replyTo} quotes the earlier message this one answers, or is null; {@code mentions} are the people a group
 * message names ("@ann"), as they are called now. {@code preview} is the message in one line, as the conversation
 * list and quotes show it (see {@link MessagePreview}).
 */
public record ChatMessageView(
        long id,
        long conversationId,
        UserSummary sender,
        String body,
        Instant sentAt,
        boolean system,
        AttachmentView attachment,
        State state,
        Quote replyTo,
        List<UserSummary> mentions,
        Phrase preview)
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
        this(
                id,
                conversationId,
                sender,
                body,
                sentAt,
                system,
                attachment,
                State.ORIGINAL,
                null,
                List.of(),
                MessagePreview.of(body, State.ORIGINAL, attachment, List.of()));
    }

    /** Whether this message names {@code userId} ("@" mention). */
    public boolean mentions(long userId) {
        return mentions.stream().anyMatch(person -> person.id() == userId);
    }

    /** The same message, answering what {@code quote} shows (its original changed: the quote follows). */
    public ChatMessageView withReplyTo(Quote quote) {
        return new ChatMessageView(
                id, conversationId, sender, body, sentAt, system, attachment, state, quote, mentions, preview);
    }

    /** Recalled by its sender or removed by an administrator: its place stays, its content is gone. */
    public boolean gone() {
        return state == State.RECALLED || state == State.REMOVED;
    }
}
